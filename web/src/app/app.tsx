import { Suspense, useEffect } from 'react';
import { useSession } from '../api/session';
import { LoginPage, RegisterPage } from '../pages/auth-pages';
import { Loading } from '../ui/feedback';
import { NotFoundPage } from '../pages/not-found-page';
import { ProjectPage } from '../pages/project-page';
import { ProjectsPage } from '../pages/projects-page';
import { TrashPage } from '../pages/trash-page';
import { AccountPage } from '../pages/account-page';
import { clearToasts, ToastRegion } from '../ui/toasts';
import { lazyPage, type LazyPage } from './lazy-page';
import { matchPath, navigate, setRoutePreloader, useLocation } from './router';
import { TopBar } from './top-bar';

// Split by route: the editor (Konva, the preview engine) and the simulation pages (uPlot, the
// replay) are loaded when first opened, so the projects pages start with a small bundle.
const EditorPage = lazyPage(() => import('../pages/editor-page').then((m) => m.EditorPage));
const SimulationPage = lazyPage(() => import('../pages/simulation-page').then((m) => m.SimulationPage));
const ReplayView = lazyPage(() => import('../simulation/replay/replay-view').then((m) => m.ReplayView));
const RequirementsPage = lazyPage(() => import('../checks/requirements-page').then((m) => m.RequirementsPage));
const SharedRunPage = lazyPage(() => import('../pages/shared-run-page').then((m) => m.SharedRunPage));
const ComparePage = lazyPage(() => import('../pages/compare-page').then((m) => m.ComparePage));

/**
 * Starts loading the code the page at `pathname` + `search` renders first, and resolves when it has
 * loaded (or failed: the page's own Suspense then retries and shows the error). Called before the
 * first render (main.tsx), so a page opened by its address renders at once instead of showing
 * "Loading…" for React's minimum of 300 ms; the replay's code (Konva, the canvas) loads with the
 * simulation page's when the address asks for the Replay tab.
 */
export function preloadRoute(pathname: string, search: string): Promise<void> {
  return Promise.all(pagesOf(pathname, search).map((page) => page.preload())).then(
    () => undefined,
    () => undefined,
  );
}

/** The lazily loaded pages the page at `pathname` + `search` renders first. */
function pagesOf(pathname: string, search: string): LazyPage<never>[] {
  if (matchPath('/shared/:token', pathname)) return [SharedRunPage];
  if (matchPath('/projects/:projectId/designs/:designId', pathname)) return [EditorPage];
  if (matchPath('/projects/:projectId/simulations/:simulationId', pathname)) {
    return new URLSearchParams(search).get('tab') === 'replay' ? [SimulationPage, ReplayView] : [SimulationPage];
  }
  if (matchPath('/projects/:projectId/compare', pathname)) return [ComparePage];
  if (matchPath('/projects/:projectId/requirements', pathname)) return [RequirementsPage];
  return [];
}

// An in-app navigation changes the address once the new page's code has loaded (router.ts).
setRoutePreloader((pathname, search) => (pagesOf(pathname, search).every((page) => page.loaded) ? undefined : preloadRoute(pathname, search)));

/** Pages that need no account. */
const PUBLIC_PATHS = new Set(['/login', '/register']);

/** The whole app: routes, the session guard and the top bar. */
export function App() {
  const { pathname, search } = useLocation();
  const session = useSession();
  const isPublic = PUBLIC_PATHS.has(pathname);
  // A share link's page opens with or without an account, and a signed-in visitor stays on it.
  const shared = matchPath('/shared/:token', pathname);
  const isShared = shared !== undefined;

  // Toasts belong to the page they were raised on; saving a new version stays on the same page.
  const page = pathname.replace(/\/designs\/[^/]+$/, '/designs');
  useEffect(() => clearToasts(), [page]);

  useEffect(() => {
    if (isShared) return;
    if (!session && !isPublic) navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    if (session && (isPublic || pathname === '/')) navigate('/projects', { replace: true });
  }, [session, isPublic, isShared, pathname, search]);

  if (shared) {
    return (
      <>
        <Suspense fallback={<Loading label="Loading…" />}>
          <SharedRunPage key={shared.token} token={shared.token!} />
        </Suspense>
        <ToastRegion />
      </>
    );
  }
  if (!session && !isPublic) return null;
  return (
    <>
      {pathname === '/login' ? (
        <LoginPage />
      ) : pathname === '/register' ? (
        <RegisterPage />
      ) : (
        <Suspense fallback={<Loading label="Loading…" />}>
          <Routed pathname={pathname} />
        </Suspense>
      )}
      <ToastRegion />
    </>
  );
}

function Routed({ pathname }: { pathname: string }) {
  const editor = matchPath('/projects/:projectId/designs/:designId', pathname);
  const simulation = matchPath('/projects/:projectId/simulations/:simulationId', pathname);
  // On a simulation page, the replay's code loads once the page has rendered, so the Replay tab opens at once.
  const onSimulationPage = simulation !== undefined;
  useEffect(() => {
    if (onSimulationPage) ReplayView.preload().catch(() => undefined);
  }, [onSimulationPage]);
  if (editor) return <EditorPage key={editor.projectId} projectId={editor.projectId!} designId={editor.designId!} />;
  if (simulation)
    return <SimulationPage key={simulation.simulationId} projectId={simulation.projectId!} simulationId={simulation.simulationId!} replay={<ReplayView simulationId={simulation.simulationId!} />} />;
  const compare = matchPath('/projects/:projectId/compare', pathname);
  if (compare) return <ComparePage projectId={compare.projectId!} />;
  const requirements = matchPath('/projects/:projectId/requirements', pathname);
  const project = matchPath('/projects/:projectId', pathname);
  return (
    <div className="app-shell">
      <TopBar />
      <main className="page">
        {pathname === '/projects' || pathname === '/' ? <ProjectsPage /> : pathname === '/trash' ? <TrashPage /> : pathname === '/account' ? <AccountPage /> : requirements ? <RequirementsPage key={requirements.projectId} projectId={requirements.projectId!} /> : project ? <ProjectPage key={project.projectId} projectId={project.projectId!} /> : <NotFoundPage />}
      </main>
    </div>
  );
}
