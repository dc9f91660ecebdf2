import { Modal } from '../ui/modal';
import type { SaveConflict } from './design-session';

/**
 * What to do when a save hit a newer version: load theirs (discarding local edits) or save ours
 * on top of theirs as the next version.
 */
export function ConflictDialog(props: { conflict: SaveConflict | undefined; baseVersion: number; onReload: () => void; onOverwrite: () => void; onCancel: () => void; onExport: () => void }) {
  const c = props.conflict;
  return (
    <Modal title="Someone saved a newer version" open={c !== undefined} onClose={props.onCancel}>
      {c && (
        <>
          <p>
            You started from <strong>v{props.baseVersion}</strong>, but <strong>v{c.latestVersion}</strong> was saved in the meantime. Your changes are not saved yet.
          </p>
          <ul className="muted">
            <li>
              <strong>Load v{c.latestVersion}</strong>: open their version; your unsaved changes are discarded (export them first if you want to keep a copy).
            </li>
            <li>
              <strong>Save mine as v{c.latestVersion + 1}</strong>: your design becomes the latest version; theirs stays in the history.
            </li>
          </ul>
          <div className="row modal-actions">
            <button onClick={props.onExport}>Export my design (JSON)</button>
            <span className="spacer" />
            <button onClick={props.onCancel}>Cancel</button>
            <button onClick={props.onReload}>Load v{c.latestVersion}</button>
            <button className="primary" onClick={props.onOverwrite}>
              Save mine as v{c.latestVersion + 1}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
