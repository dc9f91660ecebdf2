import { useEffect } from 'react';
import { useSession } from '../api/session';
import { ComparePage } from '../pages/compare-page';
import { EditorPage } from '../pages/editor-page';
import { SimulationPage } from '../pages/simulation-page';
import { ReplayView } from '../simulation/replay/replay-view';
import { LoginPage, RegisterPage } from '../pages/auth-pages';
import { NotFoundPage } from '../pages/not-found-page';
import { ProjectPage } from '../pages/project-page';
import { ProjectsPage } from '../pages/projects-page';
import { ToastRegion } from '../ui/toasts';
import { matchPath, navigate, useLocation } from './router';
import { TopBar } from './top-bar';

/** Pages that need no account. */
const PUBLIC_PATHS = new Set(['/login', '/register']);

/** The whole app: routes, the session guard and the top bar. */
export function App() {
  const { pathname, search } = useLocation();
  const session = useSession();
  const isPublic = PUBLIC_PATHS.has(pathname);

  useEffect(() => {
    if (!session && !isPublic) navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    if (session && (isPublic || pathname === '/')) navigate('/projects', { replace: true });
  }, [session, isPublic, pathname, search]);

  if (!session && !isPublic) return null;
  return (
    <>
      {pathname === '/login' ? <LoginPage /> : pathname === '/register' ? <RegisterPage /> : <Routed pathname={pathname} />}
      <ToastRegion />
    </>
  );
}

function Routed({ pathname }: { pathname: string }) {
  const editor = matchPath('/projects/:projectId/designs/:designId', pathname);
  if (editor) return <EditorPage key={editor.projectId} projectId={editor.projectId!} designId={editor.designId!} />;
  const simulation = matchPath('/projects/:projectId/simulations/:simulationId', pathname);
  if (simulation)
    return <SimulationPage key={simulation.simulationId} projectId={simulation.projectId!} simulationId={simulation.simulationId!} replay={<ReplayView simulationId={simulation.simulationId!} />} />;
  const compare = matchPath('/projects/:projectId/compare', pathname);
  if (compare) return <ComparePage projectId={compare.projectId!} />;
  const project = matchPath('/projects/:projectId', pathname);
  return (
    <div className="app-shell">
      <TopBar />
      <main className="page">
        {pathname === '/projects' || pathname === '/' ? <ProjectsPage /> : project ? <ProjectPage key={project.projectId} projectId={project.projectId!} /> : <NotFoundPage />}
      </main>
    </div>
  );
}
