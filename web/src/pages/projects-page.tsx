import { useState, type FormEvent } from 'react';
import type { ProjectDto } from '@architech/contracts';
import { api } from '../api/endpoints';
import { Link } from '../app/link';
import { navigate } from '../app/router';
import { EmptyState, ErrorMessage, Loading } from '../ui/feedback';
import { Modal } from '../ui/modal';
import { useAsync } from '../ui/use-async';
import { formatDate } from '../ui/format';

/** The signed-in user's projects, newest activity first, and the way to start one. */
export function ProjectsPage() {
  const projects = useAsync(() => api.listProjects().then((r) => r.projects), []);
  const [creating, setCreating] = useState(false);
  return (
    <div className="stack">
      <div className="row">
        <h1>Projects</h1>
        <span className="spacer" />
        <Link href="/trash">Trash</Link>
        <button className="primary" onClick={() => setCreating(true)}>
          New project
        </button>
      </div>
      {projects.status === 'error' && <ErrorMessage error={projects.error} onRetry={projects.reload} />}
      {projects.status === 'loading' && !projects.value && <Loading label="Loading your projects…" />}
      {projects.value && projects.value.length === 0 && (
        <EmptyState title="No projects yet">
          <p className="muted">A project holds your designs and the people you share them with.</p>
          <button className="primary" onClick={() => setCreating(true)}>
            Create your first project
          </button>
        </EmptyState>
      )}
      {projects.value && projects.value.length > 0 && <ProjectList projects={projects.value} />}
      <NewProjectDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

function ProjectList({ projects }: { projects: readonly ProjectDto[] }) {
  const sorted = [...projects].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <ul className="project-grid" aria-label="Your projects">
      {sorted.map((p) => (
        <li key={p.id} className="card project-card">
          <Link href={`/projects/${p.id}`} className="project-link">
            <strong>{p.name}</strong>
          </Link>
          <p className="muted">{p.description || 'No description'}</p>
          <div className="row muted">
            <span className={`badge ${p.role}`}>{p.role}</span>
            <span className="spacer" />
            <span>Updated {formatDate(p.updatedAt)}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}

function NewProjectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const project = await api.createProject({ name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) });
      navigate(`/projects/${project.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="New project" open={open} onClose={onClose}>
      <form className="stack" onSubmit={submit}>
        {error !== undefined && <ErrorMessage error={error} />}
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required autoFocus />
        </label>
        <label>
          Description <span className="field-hint">optional</span>
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
        </label>
        <div className="row">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button className="primary" type="submit" disabled={busy || !name.trim()}>
            {busy ? 'Creating…' : 'Create project'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
