import { useConfirm } from '../../ui/confirm';
import { useState, type FormEvent } from 'react';
import type { ProjectDto } from '@architech/contracts';
import { api } from '../../api/endpoints';
import { ErrorMessage } from '../../ui/feedback';
import { toast } from '../../ui/toasts';

/** Days a deleted project stays in the trash: the server's PROJECT_TRASH_DAYS default (docs/data-lifecycle.md). */
const TRASH_DAYS = 30;

/** The project's name and description, editable by owners and editors; delete for owners. */
export function ProjectHeader({ project, onChange, onDeleted }: { project: ProjectDto; onChange: (p: ProjectDto) => void; onDeleted: () => void }) {
  const confirm = useConfirm<'yes' | 'no'>();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description ?? '');
  const [error, setError] = useState<unknown>();
  const canEdit = project.role !== 'viewer';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      onChange(await api.updateProject(project.id, { name: name.trim(), description: description.trim() || null }));
      setEditing(false);
    } catch (e) {
      setError(e);
    }
  };
  const remove = async () => {
    const answer = await confirm.ask({
      title: `Delete the project “${project.name}”?`,
      body: (
        <p>
          It goes to the Trash with its designs, their versions and runs, hidden from everyone. An owner can restore it there for {TRASH_DAYS} days; after
          that it is deleted for good.
        </p>
      ),
      choices: [
        { value: 'yes', label: 'Delete the project', tone: 'danger' },
        { value: 'no', label: 'Keep it' },
      ],
    });
    if (answer !== 'yes') return;
    try {
      await api.deleteProject(project.id);
      toast(`Project “${project.name}” moved to the Trash for ${TRASH_DAYS} days`);
      onDeleted();
    } catch (e) {
      setError(e);
    }
  };

  if (editing)
    return (
      <form className="card stack" onSubmit={save} aria-label="Edit project">
        {error !== undefined && <ErrorMessage error={error} />}
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
        </label>
        <label>
          Description
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} />
        </label>
        <div className="row">
          <span className="spacer" />
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
          <button className="primary" type="submit" disabled={!name.trim()}>
            Save
          </button>
        </div>
      </form>
    );
  return (
    <div className="row" style={{ alignItems: 'flex-start' }}>
      <div className="stack" style={{ gap: 4 }}>
        <h1>{project.name}</h1>
        <p className="muted" style={{ margin: 0 }}>
          {project.description || 'No description'} · you are <span className={`badge ${project.role}`}>{project.role}</span>
        </p>
        {error !== undefined && <ErrorMessage error={error} />}
      </div>
      <span className="spacer" />
      {canEdit && <button onClick={() => setEditing(true)}>Edit</button>}
      {project.role === 'owner' && (
        <button className="danger" onClick={remove}>
          Delete project
        </button>
      )}
      {confirm.dialog}
    </div>
  );
}
