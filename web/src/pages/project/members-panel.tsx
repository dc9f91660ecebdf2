import { useConfirm } from '../../ui/confirm';
import { useState, type FormEvent } from 'react';
import { PROJECT_ROLES, type ProjectDto, type ProjectRole } from '@architech/contracts';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/endpoints';
import { useSession } from '../../api/session';
import { navigate } from '../../app/router';
import { ErrorMessage, Loading } from '../../ui/feedback';
import { toast } from '../../ui/toasts';
import { useAsync } from '../../ui/use-async';

const ROLE_HELP: Record<ProjectRole, string> = {
  owner: 'manages members, edits, runs',
  editor: 'edits designs and runs simulations',
  viewer: 'reads designs and results',
};

/** Who is in the project with which role; owners add, change and remove members. */
export function MembersPanel({ project }: { project: ProjectDto }) {
  const confirm = useConfirm<'yes' | 'no'>();
  const session = useSession();
  const members = useAsync(() => api.listMembers(project.id).then((r) => r.members), [project.id]);
  const [error, setError] = useState<unknown>();
  const isOwner = project.role === 'owner';

  const act = async (what: () => Promise<unknown>, done: string) => {
    setError(undefined);
    try {
      await what();
      toast(done);
      members.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="card stack" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      {error !== undefined && <ErrorMessage error={error} />}
      {members.status === 'error' && <ErrorMessage error={members.error} onRetry={members.reload} />}
      {members.status === 'loading' && !members.value && <Loading label="Loading members…" />}
      {members.value && (
        <ul className="member-list" aria-label="Project members">
          {members.value.map((m) => {
            const self = m.userId === session?.user.id;
            return (
              <li key={m.userId} className="row">
                <span className="stack" style={{ gap: 0, minWidth: 0 }}>
                  <strong>
                    {m.name}
                    {self && ' (you)'}
                  </strong>
                  <span className="muted ellipsis">{m.email}</span>
                </span>
                <span className="spacer" />
                {isOwner ? (
                  <select aria-label={`Role of ${m.name}`} value={m.role} onChange={(e) => act(() => api.updateMember(project.id, m.userId, e.target.value as ProjectRole), `${m.name} is now ${e.target.value}`)}>
                    {PROJECT_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className={`badge ${m.role}`}>{m.role}</span>
                )}
                {(isOwner || self) && (
                  <button
                    className="ghost icon"
                    aria-label={self ? 'Leave the project' : `Remove ${m.name}`}
                    title={self ? 'Leave the project' : `Remove ${m.name}`}
                    onClick={async () => {
                      const answer = await confirm.ask({
                        title: self ? 'Leave this project?' : `Remove ${m.name} from the project?`,
                        body: <p>{self ? 'You lose access to its designs and runs until an owner adds you again.' : `${m.name} loses access to its designs and runs.`}</p>,
                        choices: [
                          { value: 'yes', label: self ? 'Leave' : 'Remove', tone: 'danger' },
                          { value: 'no', label: 'Keep' },
                        ],
                      });
                      if (answer !== 'yes') return;
                      void act(async () => {
                        await api.removeMember(project.id, m.userId);
                        if (self) navigate('/projects');
                      }, self ? 'You left the project' : `${m.name} removed`);
                    }}
                  >
                    ✕
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {isOwner && <AddMemberForm projectId={project.id} onAdded={members.reload} />}
      {confirm.dialog}
    </section>
  );
}

function AddMemberForm({ projectId, onAdded }: { projectId: string; onAdded: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ProjectRole>('editor');
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const member = await api.addMember(projectId, { email: email.trim(), role });
      toast(`${member.name} added as ${member.role}`);
      setEmail('');
      onAdded();
    } catch (e) {
      setError(e);
    }
  };
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <form className="stack" onSubmit={submit} aria-label="Add a member">
      <h3>Add a member</h3>
      {error !== undefined && (notFound ? <div className="alert error" role="alert">Nobody has an account with this email yet. Ask them to register first.</div> : <ErrorMessage error={error} />)}
      <div className="row">
        <input type="email" aria-label="Email of the person to add" placeholder="name@example.com" value={email} onChange={(e) => setEmail(e.target.value)} style={{ flex: 1 }} />
        <select aria-label="Role" value={role} onChange={(e) => setRole(e.target.value as ProjectRole)}>
          {PROJECT_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!email.trim()}>
          Add
        </button>
      </div>
      <p className="field-hint">{PROJECT_ROLES.map((r) => `${r}: ${ROLE_HELP[r]}`).join(' · ')}</p>
    </form>
  );
}
