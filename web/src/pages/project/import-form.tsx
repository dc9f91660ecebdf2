import { useState, type DragEvent } from 'react';
import { IMPORT_FORMATS, IMPORT_LIMITS } from '@architech/contracts';
import { api, type ImportDesignBody } from '../../api/endpoints';
import { ApiError } from '../../api/api-error';
import { navigate } from '../../app/router';
import { saveImportReview } from '../../editor/import-review';
import { ErrorMessage } from '../../ui/feedback';
import { plural } from '../../ui/format';

/** Files a folder drop or pick reads; the rest of a folder is skipped. */
const IMPORTABLE = /\.(ya?ml|json|tf)$/i;

type Picked = { path: string; text: string }[];

async function readAll(files: Iterable<File>): Promise<Picked> {
  const list = [...files].filter((f) => IMPORTABLE.test(f.name) && !/(^|\/)(node_modules|\.terraform|\.git)\//.test(f.webkitRelativePath));
  return Promise.all(list.map(async (f) => ({ path: f.webkitRelativePath || f.name, text: await f.text() })));
}

/** Files of a drop, folders walked (the File and Directory Entries API that every browser has). */
async function dropped(event: DragEvent): Promise<File[]> {
  const entries = [...event.dataTransfer.items].map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail));
      out.push(new File([file], `${prefix}${file.name}`));
      Object.defineProperty(out[out.length - 1], 'webkitRelativePath', { value: `${prefix}${file.name}` });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) await walk(entry, '');
  return out;
}

/** "Import from infrastructure code" in the new-design dialog: drop or pick files or a folder. */
export function ImportForm({ projectId, name, onCancel }: { projectId: string; name: string; onCancel: () => void }) {
  const [files, setFiles] = useState<Picked>([]);
  const [format, setFormat] = useState<ImportDesignBody['format']>('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [over, setOver] = useState(false);
  const take = async (picked: Iterable<File>) => {
    setError(undefined);
    const read = await readAll(picked);
    if (read.length === 0) setError(new Error('No YAML, JSON or .tf files there.'));
    else if (read.length > IMPORT_LIMITS.maxFiles) setError(new Error(`${read.length} files: an import reads at most ${IMPORT_LIMITS.maxFiles}.`));
    else setFiles(read);
  };
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.importDesign(projectId, { format, files, ...(name.trim() ? { name: name.trim() } : {}) });
      saveImportReview(result.design.id, result);
      navigate(`/projects/${projectId}/designs/${result.design.id}?panel=import`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="stack">
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        aria-label="Drop infrastructure files here"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void dropped(e).then(take, setError);
        }}
      >
        <strong>Drop docker-compose, Kubernetes, Terraform or CloudFormation files or a folder here</strong>
        <span className="row">
          <label className="button-like">
            Choose files
            <input type="file" multiple accept=".yml,.yaml,.json,.tf" aria-label="Choose files" hidden onChange={(e) => e.target.files && void take(e.target.files)} />
          </label>
          <label className="button-like">
            Choose a folder
            <input type="file" aria-label="Choose a folder" hidden {...{ webkitdirectory: '' }} onChange={(e) => e.target.files && void take(e.target.files)} />
          </label>
        </span>
      </div>
      {files.length > 0 && (
        <p aria-label="Files to import">
          {plural(files.length, 'file')}: {files.map((f) => f.path).join(', ')}
        </p>
      )}
      <label>
        Format
        <select value={format} onChange={(e) => setFormat(e.target.value as ImportDesignBody['format'])}>
          {IMPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f === 'auto' ? 'detect from the files' : f}
            </option>
          ))}
        </select>
      </label>
      {error !== undefined && (issues.length > 0 ? (
        <div className="alert error" role="alert">
          {issues.map((i, n) => <div key={n}>{i.message}</div>)}
        </div>
      ) : <ErrorMessage error={error} />)}
      <p className="field-hint">Every inference and default is listed beside the canvas for you to confirm or correct. Secrets in environment values are never copied.</p>
      <div className="row">
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button className="primary" type="button" disabled={busy || files.length === 0} onClick={() => void submit()}>
          {busy ? 'Importing…' : 'Import and open'}
        </button>
      </div>
    </div>
  );
}
