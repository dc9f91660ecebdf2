// First: the CSP forbids eval, so zod must be told before any schema exists.
import './api/no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './app/app';
import './styles.css';

// The page's own code first (a few ms from the cache, tens from the server), so it renders at once
// rather than suspending behind "Loading…" (see preloadRoute).
void preloadRoute(window.location.pathname, window.location.search).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
