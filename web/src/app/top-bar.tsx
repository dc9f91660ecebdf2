import type { ReactNode } from 'react';
import { logout, useSession } from '../api/session';
import { Link } from './link';
import { navigate } from './router';

/** The bar on top of every signed-in page: brand, breadcrumbs, the user and log out. */
export function TopBar({ children }: { children?: ReactNode }) {
  const session = useSession();
  return (
    <header className="top-bar">
      <Link href="/projects" className="brand" aria-label="Architech — all projects">
        <svg width="20" height="20" viewBox="0 0 16 16" aria-hidden="true">
          <rect width="16" height="16" rx="3" fill="#2563eb" />
          <path d="M4 12 8 4l4 8" stroke="white" strokeWidth="2" fill="none" />
        </svg>
        Architech
      </Link>
      <nav className="crumbs" aria-label="Breadcrumbs">
        {children}
      </nav>
      <span className="spacer" />
      {session && (
        <span className="row">
          <Link href="/account" className="muted" aria-label={`Account settings of ${session.user.name}`}>
            <span title={session.user.email}>{session.user.name}</span>
          </Link>
          <button className="ghost" onClick={() => void logout().finally(() => navigate('/login'))}>
            Log out
          </button>
          <button className="ghost" title="End your sessions on every device and browser" onClick={() => void logout(true).finally(() => navigate('/login'))}>
            Log out everywhere
          </button>
        </span>
      )}
    </header>
  );
}
