/** Which service answers a public path, and whether the path needs an access token. */
export interface Route {
  service: 'users' | 'projects' | 'designs' | 'simulations' | 'telemetry';
  public: boolean;
}

const UUID_SEGMENT = '[^/]+';

/**
 * The gateway's routing table: the first matching rule wins. Paths are matched without the query
 * string. Keeping it as data makes the mapping reviewable in one place and testable on its own.
 */
const RULES: { method?: string; pattern: RegExp; route: Route }[] = [
  { method: 'POST', pattern: /^\/api\/auth\/(register|login|refresh)$/, route: { service: 'users', public: true } },
  { method: 'POST', pattern: /^\/api\/auth\/(logout|logout-all)$/, route: { service: 'users', public: false } },
  { pattern: /^\/api\/me$/, route: { service: 'users', public: false } },
  // The signed-in user's own account: deletion and data export (docs/data-lifecycle.md).
  { pattern: /^\/api\/users\/me(\/(deletion|export))?$/, route: { service: 'users', public: false } },
  { pattern: new RegExp(`^/api/projects/${UUID_SEGMENT}/designs$`), route: { service: 'designs', public: false } },
  { method: 'POST', pattern: new RegExp(`^/api/projects/${UUID_SEGMENT}/imports$`), route: { service: 'designs', public: false } },
  { pattern: new RegExp(`^/api/designs/${UUID_SEGMENT}/simulations$`), route: { service: 'simulations', public: false } },
  // Check runs (docs/checks.md); a project's requirements themselves belong to projects.
  { pattern: new RegExp(`^/api/designs/${UUID_SEGMENT}/checks$`), route: { service: 'simulations', public: false } },
  { pattern: new RegExp(`^/api/projects/${UUID_SEGMENT}/checks(/history)?$`), route: { service: 'simulations', public: false } },
  { pattern: /^\/api\/checks\/[^/]+$/, route: { service: 'simulations', public: false } },
  { pattern: new RegExp(`^/api/checks/${UUID_SEGMENT}/deliverables(/.*)?$`), route: { service: 'simulations', public: false } },
  { pattern: new RegExp(`^/api/designs/${UUID_SEGMENT}/(reviews|refinements)$`), route: { service: 'simulations', public: false } },
  { pattern: /^\/api\/(reviews|refinements)(\/.*)?$/, route: { service: 'simulations', public: false } },
  { pattern: new RegExp(`^/api/simulations/${UUID_SEGMENT}/(metrics|traces|logs)(/.*)?$`), route: { service: 'telemetry', public: false } },
  // Reports of a run (docs/reports.md); the catch-all below would route them too, named for the review.
  { pattern: new RegExp(`^/api/simulations/${UUID_SEGMENT}/deliverables(/.*)?$`), route: { service: 'simulations', public: false } },
  { pattern: /^\/api\/simulations(\/.*)?$/, route: { service: 'simulations', public: false } },
  { pattern: /^\/api\/projects(\/.*)?$/, route: { service: 'projects', public: false } },
  { pattern: /^\/api\/designs(\/.*)?$/, route: { service: 'designs', public: false } },
];

/** The route of `method path`, or undefined when no service answers it. */
export function resolveRoute(method: string, path: string): Route | undefined {
  for (const rule of RULES) {
    if (rule.method && rule.method !== method) continue;
    if (rule.pattern.test(path)) return rule.route;
  }
  return undefined;
}
