// First: the CSP forbids eval, so zod must be told before any schema exists.
import './api/no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './app/app';
import { prefetchRoute } from './app/route-prefetch';
import './styles.css';

// The page's first data is asked for at once (see prefetchRoute), and its code is loaded before the
// first render (a few ms from the cache, tens from the server), so it renders at once rather than
// suspending behind "Loading…" (see preloadRoute).
prefetchRoute(window.location.pathname, window.location.search);
// A task later, so the data requests (sent once the access token is read) take a connection before
// the code's (a browser opens six per server, and a run page loads about twenty files).
setTimeout(() => {
  void preloadRoute(window.location.pathname, window.location.search).then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}, 0);
