/** What a share link may read, and where the gateway reads it (docs/sharing.md). */
export interface SharedRoute {
  /** The service that answers, on an internal route (internal token, no user). */
  service: 'designs' | 'simulations' | 'telemetry';
  /** The upstream path, without the query string, for the run the token resolved to. */
  path: string;
}

/** The run a token resolved to. */
export interface SharedRun {
  simulationId: string;
  designId: string;
}

const TOKEN = '([A-Za-z0-9_-]{1,100})';
const enc = encodeURIComponent;

/**
 * The allow-list: each read a share link grants, as `METHOD rest` after `/api/shared/:token`. Only
 * reads (the metrics and trace batches are POSTs with a list of queries or ids, read-only), only
 * the run of the token (every upstream path is built from the resolved run, never from the
 * request), nothing else.
 */
const RULES: { method: string; rest: RegExp; open?: true; route: (run: SharedRun, match: RegExpExecArray) => SharedRoute }[] = [
  { method: 'GET', rest: /^$/, open: true, route: (run) => ({ service: 'simulations', path: `/internal/shared-runs/${enc(run.simulationId)}` }) },
  // The run again, as the open page reloads it (live progress, telemetry landing): not another opening.
  { method: 'GET', rest: /^\/run$/, route: (run) => ({ service: 'simulations', path: `/internal/shared-runs/${enc(run.simulationId)}` }) },
  { method: 'GET', rest: /^\/design$/, route: (run) => ({ service: 'designs', path: `/internal/designs/${enc(run.designId)}` }) },
  { method: 'GET', rest: /^\/(metrics|traces|logs)$/, route: (run, m) => ({ service: 'telemetry', path: `/internal/simulations/${enc(run.simulationId)}/${m[1]}` }) },
  { method: 'POST', rest: /^\/(metrics|traces)\/batch$/, route: (run, m) => ({ service: 'telemetry', path: `/internal/simulations/${enc(run.simulationId)}/${m[1]}/batch` }) },
  { method: 'GET', rest: /^\/traces\/([A-Za-z0-9_-]{1,100})$/, route: (run, m) => ({ service: 'telemetry', path: `/internal/simulations/${enc(run.simulationId)}/traces/${m[1]}` }) },
  // Reports (issue 20): the simulations service's internal reads of a run's deliverables.
  { method: 'GET', rest: /^\/deliverables$/, route: (run) => ({ service: 'simulations', path: `/internal/shared-runs/${enc(run.simulationId)}/deliverables` }) },
  { method: 'GET', rest: /^\/deliverables\/([A-Za-z0-9_-]{1,100})\/content$/, route: (run, m) => ({ service: 'simulations', path: `/internal/shared-runs/${enc(run.simulationId)}/deliverables/${m[1]}/content` }) },
];

/** A request under `/api/shared/`: its token and how to serve it once the token is resolved; `route` is undefined for a request the allow-list does not grant. */
export interface SharedRequest {
  token: string;
  route?: (run: SharedRun) => SharedRoute;
  /** The shared page's first request (the run itself): the access is counted and audited. */
  open: boolean;
}

/** Undefined when `path` is not under `/api/shared/`. */
export function matchSharedRequest(method: string, path: string): SharedRequest | undefined {
  if (!path.startsWith('/api/shared/')) return undefined;
  const head = new RegExp(`^/api/shared/${TOKEN}(/.*)?$`).exec(path);
  if (!head) return { token: '', open: false };
  const [, token, rest = ''] = head;
  for (const rule of RULES) {
    if (rule.method !== method) continue;
    const match = rule.rest.exec(rest);
    if (match) return { token: token!, open: rule.open === true, route: (run) => rule.route(run, match) };
  }
  return { token: token!, open: false };
}
