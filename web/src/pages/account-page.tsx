import { useState, type FormEvent } from 'react';
import type { AccountProjectDto } from '@architech/contracts';
import { accountApi } from '../api/account';
import { ApiError } from '../api/api-error';
import { endSession, useSession } from '../api/session';
import { Link } from '../app/link';
import { navigate } from '../app/router';
import { download } from '../editor/file-io';
import { ErrorMessage, Loading } from '../ui/feedback';
import { useAsync } from '../ui/use-async';

/** "delete" or the id of the member who takes the project over. */
type Choice = 'delete' | string;

/**
 * Account settings (docs/data-lifecycle.md, privacy operations): download everything of the user
 * as one archive, and delete the account after re-entering the password, choosing for each
 * project the user alone owns whether it is deleted or handed to one of its members.
 */
export function AccountPage() {
  const session = useSession();
  return (
    <div className="stack account-page">
      <div className="row">
        <h1>Account</h1>
        <span className="spacer" />
        <Link href="/projects">Back to projects</Link>
      </div>
      {session && (
        <section className="card stack" aria-labelledby="account-who">
          <h2 id="account-who">You</h2>
          <p>
            <strong>{session.user.name}</strong> <span className="muted">{session.user.email}</span>
          </p>
        </section>
      )}
      <ExportSection />
      <DeleteSection />
    </div>
  );
}

function ExportSection() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const exportData = async () => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const { blob, fileName } = await accountApi.exportData();
      download(blob, fileName);
      setDone(`Downloaded ${fileName} (${Math.max(1, Math.round(blob.size / 1024))} KB).`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card stack" aria-labelledby="account-export">
      <h2 id="account-export">Export my data</h2>
      <p className="muted">
        One .tar.gz archive of JSON files: your account, every project you are a member of with its members and requirements, every version of its designs, its runs with their
        summaries and check runs, and every audit entry you made.
      </p>
      {error !== undefined && <ErrorMessage error={error} />}
      {done && (
        <p className="muted" role="status">
          {done}
        </p>
      )}
      <div className="row">
        <button onClick={() => void exportData()} disabled={busy}>
          {busy ? 'Preparing the archive…' : 'Export my data'}
        </button>
      </div>
    </section>
  );
}

function DeleteSection() {
  const preview = useAsync(() => accountApi.deletionPreview().then((r) => r.projects), []);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [password, setPassword] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const soleOwned = (preview.value ?? []).filter((p) => p.soleOwner);
  const others = (preview.value ?? []).filter((p) => !p.soleOwner);
  const choiceOf = (p: AccountProjectDto): Choice => choices[p.id] ?? 'delete';
  const deleted = soleOwned.filter((p) => choiceOf(p) === 'delete');
  const passwordError = error instanceof ApiError && (error.code === 'wrong_password' || error.issues.some((i) => i.path === 'password')) ? (error.code === 'wrong_password' ? 'The password is wrong.' : error.issues[0].message) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const transferTo = Object.fromEntries(soleOwned.filter((p) => choiceOf(p) !== 'delete').map((p) => [p.id, choiceOf(p)]));
      const outcome = await accountApi.deleteAccount({ password, transferTo });
      endSession();
      navigate(`/login?accountDeleted=${outcome.status}`, { replace: true, force: true });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <section className="card stack danger-zone" aria-labelledby="account-delete">
      <h2 id="account-delete">Delete my account</h2>
      <p className="muted">
        Your name, email, password and sessions are deleted. Audit entries keep what was done, by an anonymous “deleted user”. You leave every project you share; projects you
        alone own are deleted with their designs, runs and telemetry, unless you hand them to one of their members below.
      </p>
      {preview.status === 'loading' && !preview.value && <Loading label="Loading your projects…" />}
      {preview.status === 'error' && <ErrorMessage error={preview.error} onRetry={preview.reload} />}
      {preview.value && (
        <>
          <h3>Projects you alone own</h3>
          {soleOwned.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="stack account-projects" aria-label="Projects you alone own">
              {soleOwned.map((p) => (
                <li key={p.id} className="row">
                  <strong>{p.name}</strong>
                  {p.inTrash && <span className="badge">in the trash</span>}
                  <span className="spacer" />
                  <label className="account-inline">
                    <span className="muted">What happens to it</span>
                    <select aria-label={`What happens to ${p.name}`} value={choiceOf(p)} onChange={(e) => setChoices({ ...choices, [p.id]: e.target.value })}>
                      <option value="delete">Delete it with everything in it</option>
                      {p.members.map((m) => (
                        <option key={m.userId} value={m.userId}>
                          Transfer to {m.name || m.email} ({m.email}, {m.role})
                        </option>
                      ))}
                    </select>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {others.length > 0 && (
            <p className="muted">
              You will leave {others.length} other project{others.length === 1 ? '' : 's'}, which stay as they are: {others.map((p) => p.name).join(', ')}.
            </p>
          )}
          <form className="stack" onSubmit={submit} noValidate>
            {error !== undefined && !passwordError && <ErrorMessage error={error} />}
            <label>
              Password
              <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={passwordError ? true : undefined} />
              {passwordError && <span className="field-error">{passwordError}</span>}
            </label>
            <label className="account-inline">
              <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
              <span>
                I understand that my account{deleted.length > 0 ? ` and ${deleted.length} project${deleted.length === 1 ? '' : 's'} (${deleted.map((p) => p.name).join(', ')})` : ''} will
                be deleted for good. This cannot be undone.
              </span>
            </label>
            <div className="row">
              <button type="submit" className="danger" disabled={busy || !understood || password.length === 0}>
                {busy ? 'Deleting…' : 'Delete my account'}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
