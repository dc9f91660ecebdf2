import { resolveRoute } from './route-table';

describe('the gateway route table', () => {
  it.each([
    ['POST', '/api/auth/register', 'users', true],
    ['POST', '/api/auth/login', 'users', true],
    ['GET', '/api/me', 'users', false],
    ['GET', '/api/users/me/deletion', 'users', false],
    ['DELETE', '/api/users/me', 'users', false],
    ['GET', '/api/users/me/export', 'users', false],
    ['GET', '/api/projects', 'projects', false],
    ['PATCH', '/api/projects/p1/members/u1', 'projects', false],
    ['GET', '/api/projects/p1/audit', 'projects', false],
    ['POST', '/api/projects/p1/designs', 'designs', false],
    ['POST', '/api/projects/p1/imports', 'designs', false],
    ['GET', '/api/designs/d1/diff', 'designs', false],
    ['POST', '/api/designs/d1/simulations', 'simulations', false],
    ['GET', '/api/simulations/s1', 'simulations', false],
    ['POST', '/api/designs/d1/reviews', 'simulations', false],
    ['GET', '/api/reviews/r1/events', 'simulations', false],
    ['POST', '/api/designs/d1/refinements', 'simulations', false],
    ['GET', '/api/refinements/r1', 'simulations', false],
    ['GET', '/api/simulations/s1/events', 'simulations', false],
    ['DELETE', '/api/simulations/s1', 'simulations', false],
    // Reports (docs/reports.md): the simulations service, with a token.
    ['POST', '/api/simulations/s1/deliverables', 'simulations', false],
    ['GET', '/api/simulations/s1/deliverables/d1', 'simulations', false],
    ['GET', '/api/simulations/s1/deliverables/d1/content', 'simulations', false],
    ['POST', '/api/checks/c1/deliverables', 'simulations', false],
    ['GET', '/api/checks/c1/deliverables/d1/content', 'simulations', false],
    ['GET', '/api/simulations/s1/metrics', 'telemetry', false],
    ['GET', '/api/simulations/s1/traces/t1', 'telemetry', false],
    ['GET', '/api/simulations/s1/logs', 'telemetry', false],
    ['PUT', '/api/projects/p1/requirements/REQ-0001', 'projects', false],
    ['POST', '/api/designs/d1/checks', 'simulations', false],
    ['GET', '/api/checks/c1', 'simulations', false],
    ['GET', '/api/projects/p1/checks', 'simulations', false],
    ['GET', '/api/projects/p1/checks/history', 'simulations', false],
  ])('%s %s → %s (public: %s)', (method, path, service, isPublic) => {
    expect(resolveRoute(method, path)).toEqual({ service, public: isPublic });
  });

  it('keeps login public only for POST, and knows no other path', () => {
    expect(resolveRoute('GET', '/api/auth/login')).toBeUndefined();
    expect(resolveRoute('GET', '/api/unknown')).toBeUndefined();
    expect(resolveRoute('GET', '/internal/users/by-email')).toBeUndefined();
  });
});
