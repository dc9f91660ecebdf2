import { useState, type FormEvent } from 'react';
import type { ProjectDto } from '@architech/contracts';
import { api } from '../../api/endpoints';
import { Link } from '../../app/link';
import { navigate } from '../../app/router';
import { TEMPLATES } from '../../editor/templates';
import { EmptyState, ErrorMessage, Loading } from '../../ui/feedback';
import { formatDate, plural } from '../../ui/format';
import { Modal } from '../../ui/modal';
import { useAsync } from '../../ui/use-async';
import { ImportForm } from './import-form';

/** The project's designs (latest version of each) and "New design" from a template. */
export function DesignList({ project }: { project: ProjectDto }) {
  const designs = useAsync(() => api.listDesigns(project.id).then((r) => r.designs), [project.id]);
  const [creating, setCreating] = useState(false);
  const canEdit = project.role !== 'viewer';
  return (
    <section className="card stack" aria-labelledby="designs-title">
      <div className="row">
        <h2 id="designs-title">Designs</h2>
        <span className="spacer" />
        {canEdit && (
          <button className="primary" onClick={() => setCreating(true)}>
            New design
          </button>
        )}
      </div>
      {designs.status === 'error' && <ErrorMessage error={designs.error} onRetry={designs.reload} />}
      {designs.status === 'loading' && !designs.value && <Loading label="Loading designs…" />}
      {designs.value?.length === 0 && (
        <EmptyState title="No designs yet">
          <p className="muted">{canEdit ? 'Start from a template or a blank canvas.' : 'The owners and editors of this project have not saved a design yet.'}</p>
          {canEdit && (
            <button className="primary" onClick={() => setCreating(true)}>
              Create a design
            </button>
          )}
        </EmptyState>
      )}
      {designs.value && designs.value.length > 0 && (
        <table className="list" aria-label="Designs">
          <thead>
            <tr>
              <th>Name</th>
              <th>Version</th>
              <th>Size</th>
              <th>Saved</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {designs.value.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link href={`/projects/${project.id}/designs/${d.id}`}>{d.name}</Link>
                </td>
                <td>v{d.version}</td>
                <td className="muted">
                  {plural(d.componentCount, 'component')}, {plural(d.connectionCount, 'connection')}
                </td>
                <td className="muted">{formatDate(d.createdAt)}</td>
                <td>
                  <Link href={`/projects/${project.id}/designs/${d.id}?panel=history`}>History</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewDesignDialog projectId={project.id} open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}

function NewDesignDialog({ projectId, open, onClose }: { projectId: string; open: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [templateKey, setTemplateKey] = useState('three-tier');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [mode, setMode] = useState<'template' | 'import'>('template');
  const template = TEMPLATES.find((t) => t.key === templateKey) ?? TEMPLATES[0]!;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The import part has its own button; Enter in the name field must not create a template design.
    if (mode === 'import') return;
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.saveDesign(projectId, {
        name: name.trim() || template.name,
        components: [...template.design.components],
        connections: [...template.design.connections],
      });
      navigate(`/projects/${projectId}/designs/${saved.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="New design" open={open} onClose={onClose}>
      <form className="stack" onSubmit={submit}>
        {error !== undefined && <ErrorMessage error={error} />}
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={mode === 'import' ? 'the first file’s name' : template.name} maxLength={200} autoFocus />
        </label>
        <div className="new-design-modes" role="radiogroup" aria-label="Start from">
          <button type="button" role="radio" aria-checked={mode === 'template'} className={mode === 'template' ? 'primary' : ''} onClick={() => setMode('template')}>
            From a template
          </button>
          <button type="button" role="radio" aria-checked={mode === 'import'} className={mode === 'import' ? 'primary' : ''} onClick={() => setMode('import')}>
            Import from infrastructure code
          </button>
        </div>
        {mode === 'import' && <ImportForm projectId={projectId} name={name} onCancel={onClose} />}
        {mode === 'template' && (
        <>
        <fieldset className="template-picker">
          <legend>Start from</legend>
          {TEMPLATES.map((t) => (
            <label key={t.key} className={`template-option${t.key === templateKey ? ' selected' : ''}`}>
              <input type="radio" name="template" value={t.key} checked={t.key === templateKey} onChange={() => setTemplateKey(t.key)} />
              <span>
                <strong>{t.name}</strong>
                <span className="field-hint">
                  {t.summary} {t.design.components.length > 0 && `(${plural(t.design.components.length, 'component')})`}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="row">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button className="primary" type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create and open'}
          </button>
        </div>
        </>
        )}
      </form>
    </Modal>
  );
}
