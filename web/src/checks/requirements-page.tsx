import { useEffect, useState } from 'react';
import type { RequirementDto } from '@architech/contracts';
import { api } from '../api/endpoints';
import { checksApi } from '../api/checks';
import { Link } from '../app/link';
import { navigate, useSearchParams } from '../app/router';
import { ErrorMessage, Loading } from '../ui/feedback';
import { toast } from '../ui/toasts';
import { useAsync } from '../ui/use-async';
import { EvidenceView } from './evidence-view';
import { HistoryView } from './history-view';
import { RequirementForm } from './requirement-form';
import './checks.css';

const nextId = (existing: readonly RequirementDto[]) => {
  const max = existing.reduce((m, r) => Math.max(m, Number(r.id.slice(4))), 0);
  return `REQ-${String(max + 1).padStart(4, '0')}`;
};

/**
 * A project's requirements (docs/checks.md): the list with a form to write and edit them, the
 * history of their verdicts (chart and table), and the check runs with their evidence.
 * `?checkRun=ID` opens one check run (the editor's "Check this version" lands here).
 */
export function RequirementsPage({ projectId }: { projectId: string }) {
  const params = useSearchParams();
  const focusRun = params.get('checkRun') ?? undefined;
  const project = useAsync(() => api.getProject(projectId), [projectId]);
  const requirements = useAsync(() => checksApi.listRequirements(projectId), [projectId]);
  const history = useAsync((signal) => checksApi.history(projectId, signal), [projectId]);
  const runs = useAsync((signal) => checksApi.listCheckRuns(projectId, signal), [projectId]);
  const [editing, setEditing] = useState<RequirementDto | 'new'>();
  const canEdit = project.value !== undefined && project.value.role !== 'viewer';

  // While a check run is going, follow it (and the history once it ends).
  const running = runs.value?.some((r) => r.status === 'RUNNING');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => runs.reload(), 1000);
    return () => clearInterval(timer);
  }, [running, runs]);
  useEffect(() => {
    if (running === false) history.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running]);

  if (project.status === 'error') return <ErrorMessage error={project.error} onRetry={project.reload} />;
  if (!project.value || !requirements.value) return <Loading label="Loading the requirements…" />;
  const shownRuns = (runs.value ?? []).filter((r) => !focusRun || r.id === focusRun).slice(0, focusRun ? 1 : 5);

  const remove = async (r: RequirementDto) => {
    if (!window.confirm(`Delete ${r.id}? Its history stays.`)) return;
    try {
      await checksApi.deleteRequirement(projectId, r.id);
      requirements.reload();
      toast(`${r.id} deleted`);
    } catch (e) {
      toast(String((e as Error).message), 'error');
    }
  };

  return (
    <div className="stack requirements-page">
      <nav className="muted" aria-label="Breadcrumbs">
        <Link href="/projects">Projects</Link> / <Link href={`/projects/${projectId}`}>{project.value.name}</Link> / Requirements
      </nav>
      <div className="row">
        <h1>Requirements</h1>
        <span className="spacer" />
        {canEdit && !editing && (
          <button className="primary" onClick={() => setEditing('new')}>
            New requirement
          </button>
        )}
      </div>
      {editing && (
        <RequirementForm
          projectId={projectId}
          initial={editing === 'new' ? undefined : editing}
          suggestedId={nextId(requirements.value)}
          onCancel={() => setEditing(undefined)}
          onSaved={(r) => {
            setEditing(undefined);
            requirements.reload();
            history.reload();
            toast(`${r.id} saved`);
          }}
        />
      )}
      {requirements.value.length === 0 ? (
        <p className="muted">No requirement yet. Write one here, or save a hypothesis from a run’s launcher as a requirement.</p>
      ) : (
        <table className="list" aria-label="Requirements">
          <thead>
            <tr>
              <th>id</th>
              <th>statement</th>
              <th>tags</th>
              <th>scenario</th>
              <th>criteria</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {requirements.value.map((r) => (
              <tr key={r.id}>
                <td>
                  <strong>{r.id}</strong>
                </td>
                <td>{r.statement}</td>
                <td className="small">{r.tags.join(', ')}</td>
                <td className="small">
                  {r.scenario.durationSec} s × {r.scenario.replications} seeds, {r.scenario.faults.length} fault{r.scenario.faults.length === 1 ? '' : 's'}
                </td>
                <td className="small">{r.criteria.length}</td>
                <td>
                  {canEdit && (
                    <div className="row">
                      <button onClick={() => setEditing(r)} aria-label={`Edit ${r.id}`}>
                        Edit
                      </button>
                      <button onClick={() => void remove(r)} aria-label={`Delete ${r.id}`}>
                        Delete
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {history.status === 'error' && <ErrorMessage error={history.error} onRetry={history.reload} />}
      {history.value && <HistoryView history={history.value} />}
      <section className="stack" aria-labelledby="runs-title">
        <div className="row">
          <h2 id="runs-title">{focusRun ? 'Check run' : 'Latest check runs'}</h2>
          {focusRun && <button onClick={() => navigate(`/projects/${projectId}/requirements`)}>Show all</button>}
        </div>
        {shownRuns.length === 0 && <p className="muted">No check run yet.</p>}
        {shownRuns.map((run) => (
          <EvidenceView key={run.id} run={run} projectId={projectId} canEdit={canEdit} />
        ))}
      </section>
    </div>
  );
}
