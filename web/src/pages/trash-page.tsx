import { useState } from 'react';
import type { ProjectDto } from '@architech/contracts';
import { api } from '../api/endpoints';
import { Link } from '../app/link';
import { EmptyState, ErrorMessage, Loading } from '../ui/feedback';
import { formatDate } from '../ui/format';
import { toast } from '../ui/toasts';
import { useAsync } from '../ui/use-async';

/**
 * The signed-in user's deleted projects (docs/data-lifecycle.md): when each was deleted, when it
 * is purged for good, and Restore for owners.
 */
export function TrashPage() {
  const trash = useAsync(() => api.listTrash().then((r) => r.projects), []);
  const [error, setError] = useState<unknown>();
  const restore = async (project: ProjectDto) => {
    setError(undefined);
    try {
      await api.restoreProject(project.id);
      toast(`Project “${project.name}” restored`);
      trash.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="stack">
      <div className="row">
        <h1>Trash</h1>
        <span className="spacer" />
        <Link href="/projects">Back to projects</Link>
      </div>
      <p className="muted">Deleted projects stay here until they are purged; an owner can restore one until then, with its designs and runs.</p>
      {error !== undefined && <ErrorMessage error={error} />}
      {trash.status === 'error' && <ErrorMessage error={trash.error} onRetry={trash.reload} />}
      {trash.status === 'loading' && !trash.value && <Loading label="Loading the trash…" />}
      {trash.value && trash.value.length === 0 && (
        <EmptyState title="The trash is empty">
          <p className="muted">Projects you delete wait here before they are deleted for good.</p>
        </EmptyState>
      )}
      {trash.value && trash.value.length > 0 && (
        <ul className="project-grid" aria-label="Deleted projects">
          {trash.value.map((p) => (
            <li key={p.id} className="card project-card">
              <strong>{p.name}</strong>
              <p className="muted">
                Deleted {p.deletedAt ? formatDate(p.deletedAt) : ''}; deleted for good on {p.purgeAt ? formatDate(p.purgeAt) : ''}.
              </p>
              <div className="row muted">
                <span className={`badge ${p.role}`}>{p.role}</span>
                <span className="spacer" />
                {p.role === 'owner' && (
                  <button onClick={() => void restore(p)} aria-label={`Restore ${p.name}`}>
                    Restore
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
