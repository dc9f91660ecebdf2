import { Link } from '../app/link';

export function NotFoundPage() {
  return (
    <div className="card stack">
      <h1>Page not found</h1>
      <p className="muted">There is nothing at this address.</p>
      <Link href="/projects">Back to your projects</Link>
    </div>
  );
}
