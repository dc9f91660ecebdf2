import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { api } from '../api/endpoints';
import { startSession } from '../api/session';
import { Link } from '../app/link';
import { navigate, useSearchParams } from '../app/router';
import './auth-pages.css';

type FieldErrors = Partial<Record<'email' | 'password' | 'name', string>>;

/** Field messages of a 400 answer, by the field its path names. */
function fieldErrors(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (error instanceof ApiError) for (const issue of error.issues) if (issue.path in { email: 1, password: 1, name: 1 }) out[issue.path as keyof FieldErrors] ??= issue.message;
  return out;
}

function AuthLayout({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="auth-layout">
      <div className="auth-brand">
        <svg width="36" height="36" viewBox="0 0 16 16" aria-hidden="true">
          <rect width="16" height="16" rx="3" fill="#2563eb" />
          <path d="M4 12 8 4l4 8" stroke="white" strokeWidth="2" fill="none" />
        </svg>
        <div>
          <strong>Architech</strong>
          <div className="muted">Draw a system, load it, break it, and watch what happens.</div>
        </div>
      </div>
      <section className="card auth-card" aria-labelledby="auth-title">
        <h1 id="auth-title">{title}</h1>
        {children}
      </section>
    </main>
  );
}

function useAfterLogin(): () => void {
  const next = useSearchParams().get('next');
  return () => navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/projects', { replace: true });
}

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const done = useAfterLogin();
  const accountDeleted = useSearchParams().get('accountDeleted');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      startSession(await api.login({ email, password }));
      done();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Log in">
      <form className="stack" onSubmit={submit} noValidate>
        {accountDeleted && (
          <div className={`alert ${accountDeleted === 'pending' ? 'warning' : 'ok'}`} role="status">
            {accountDeleted === 'pending' ? 'Your account is locked and being deleted; a service did not answer, so the deletion finishes in the background.' : 'Your account and personal data are deleted.'}
          </div>
        )}
        {error !== undefined && (
          <div className="alert error" role="alert">
            {error instanceof ApiError && error.status === 401 ? 'The email or the password is wrong.' : describeError(error)}
          </div>
        )}
        <label>
          Email
          <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button className="primary" type="submit" disabled={busy || !email || !password}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
        <p className="muted">
          New here? <Link href="/register">Create an account</Link>
        </p>
      </form>
    </AuthLayout>
  );
}

export function RegisterPage() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const done = useAfterLogin();
  const fields = fieldErrors(error);
  const general = error !== undefined && Object.keys(fields).length === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.register({ name, email, password });
      startSession(await api.login({ email, password }));
      done();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const field = (key: keyof FieldErrors) => ({ 'aria-invalid': fields[key] ? true : undefined, 'aria-describedby': fields[key] ? `${key}-error` : undefined });
  return (
    <AuthLayout title="Create your account">
      <form className="stack" onSubmit={submit} noValidate>
        {general && (
          <div className="alert error" role="alert">
            {error instanceof ApiError && error.status === 409 ? 'An account with this email already exists. Log in instead?' : describeError(error)}
          </div>
        )}
        <label>
          Name
          <input autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus {...field('name')} />
          {fields.name && <span id="name-error" className="field-error">{fields.name}</span>}
        </label>
        <label>
          Email
          <input type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} {...field('email')} />
          {fields.email && <span id="email-error" className="field-error">{fields.email}</span>}
        </label>
        <label>
          Password
          <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} {...field('password')} />
          {fields.password ? <span id="password-error" className="field-error">{fields.password}</span> : <span className="field-hint">At least 8 characters.</span>}
        </label>
        <button className="primary" type="submit" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
        <p className="muted">
          Already have an account? <Link href="/login">Log in</Link>
        </p>
      </form>
    </AuthLayout>
  );
}
