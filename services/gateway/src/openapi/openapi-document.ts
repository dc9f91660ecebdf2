import {
  addMemberSchema,
  createProjectSchema,
  designSchema,
  loginSchema,
  metricBatchSchema,
  refinementRequestSchema,
  refreshSchema,
  registerSchema,
  reviewRequestSchema,
  saveDesignSchema,
  simulationConfigSchema,
  updateMemberSchema,
  updateProjectSchema,
} from '@architech/contracts';
import { z } from 'zod';

type Schema = Record<string, unknown>;

const json = (schema: Schema) => ({ 'application/json': { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const input = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;

const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });
const authErrors = { '401': errorResponse('missing, invalid or expired access token'), '429': errorResponse('rate limited') };
const memberErrors = { ...authErrors, '404': errorResponse('not found, or not a member (existence is not revealed)'), '403': errorResponse('role too low') };

function op(summary: string, responses: Record<string, unknown>, body?: string, extra: Record<string, unknown> = {}) {
  return {
    summary,
    ...(body ? { requestBody: { required: true, content: json(ref(body)) } } : {}),
    responses: { ...responses, '400': errorResponse('invalid input: details name each field path') },
    ...extra,
  };
}

const idParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });

/** The reads a share link grants, without an access token (docs/sharing.md). */
function sharedPaths(): Record<string, unknown> {
  const token = { name: 'token', in: 'path', required: true, schema: { type: 'string' } };
  const gone = { '404': errorResponse('no such link, revoked or expired'), '429': errorResponse('rate limited') };
  const read = (summary: string) => ({ parameters: [token], get: op(summary, { '200': { description: summary }, ...gone }, undefined, { security: [] }) });
  return {
    '/api/shared/{token}': read('The shared run (counted and audited as an opening); header x-share-expires-at'),
    '/api/shared/{token}/run': read('The shared run again, not counted'),
    '/api/shared/{token}/design': read('The design version the shared run ran'),
    '/api/shared/{token}/metrics': read('The shared run’s series (queries as /api/simulations/{id}/metrics)'),
    '/api/shared/{token}/metrics/batch': { parameters: [token], post: op('The shared run’s series, several queries in one request (body as /api/simulations/{id}/metrics/batch)', { '200': { description: '{ results }' }, ...gone }, 'MetricBatch', { security: [] }) },
    '/api/shared/{token}/traces': read('The shared run’s kept traces'),
    '/api/shared/{token}/traces/{traceId}': { ...read('One trace of the shared run'), parameters: [token, { name: 'traceId', in: 'path', required: true, schema: { type: 'string' } }] },
    '/api/shared/{token}/traces/sample': { ...read('A sample of the shared run’s traces with their spans (query as /api/simulations/{id}/traces/sample)'), parameters: [token, { name: 'size', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 240 } }] },
    '/api/shared/{token}/traces/batch': { parameters: [token], post: op('Many traces of the shared run: body { traceIds }', { '200': { description: '{ traces }' }, ...gone }, undefined, { security: [] }) },
    '/api/shared/{token}/logs': read('The shared run’s logs'),
  };
}

/**
 * The public API as an OpenAPI 3.1 document, with request bodies generated from the zod schemas
 * of `@architech/contracts` — the same schemas the services validate with.
 */
export function buildOpenApiDocument(): Schema {
  const ok = (description: string, schema?: Schema) => ({ description, ...(schema ? { content: json(schema) } : {}) });
  return {
    openapi: '3.1.0',
    info: { title: 'Architech API', version: '0.1.0', description:
        'Architech: accounts, projects and members, immutable versioned designs with diffs, simulations (launch with workload, faults and a steady-state hypothesis; live progress over Server-Sent Events; cancel) and their telemetry (time series, traces, logs). Authenticate with `POST /api/auth/login` and send `Authorization: Bearer <accessToken>`. Every error is `{ error: { code, message, details } }`; a 400 names the offending field in `details`. The document itself is at `/api/docs.json`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} } } },
        },
        Register: input(registerSchema),
        Login: input(loginSchema),
        Refresh: input(refreshSchema),
        CreateProject: input(createProjectSchema),
        UpdateProject: input(updateProjectSchema),
        AddMember: input(addMemberSchema),
        UpdateMember: input(updateMemberSchema),
        SaveDesign: input(saveDesignSchema),
        MetricBatch: input(metricBatchSchema),
        Design: input(designSchema),
        SimulationConfig: input(simulationConfigSchema),
        ReviewRequest: input(reviewRequestSchema),
        RefinementGoal: input(refinementRequestSchema),
      },
    },
    paths: {
      '/api/auth/register': { post: op('Create an account', { '201': ok('the new user'), '409': errorResponse('email already registered') }, 'Register', { security: [] }) },
      '/api/auth/login': { post: op('Log in: get a bearer token', { '200': ok('accessToken, expiresInSec and the user'), '401': errorResponse('wrong email or password'), '429': errorResponse('too many failed logins') }, 'Login', { security: [] }) },
      '/api/auth/refresh': { post: op('Exchange a refresh token (once) for a new access token and refresh token', { '200': ok('accessToken, refreshToken and the user'), '401': errorResponse('unknown, used (the session is ended) or ended refresh token') }, 'Refresh', { security: [] }) },
      '/api/auth/logout': { post: op('Log out: revoke this access token and its session', { '204': { description: 'logged out' }, ...authErrors }) },
      '/api/auth/logout-all': { post: op('Log out everywhere: revoke every session of the account', { '200': ok('how many sessions were ended'), ...authErrors }) },
      '/api/me': { get: op('The current user', { '200': ok('the user'), ...authErrors }) },
      '/api/projects': {
        get: op('My projects, with my role', { '200': ok('projects'), ...authErrors }),
        post: op('Create a project (I become its owner)', { '201': ok('the project'), ...authErrors }, 'CreateProject'),
      },
      '/api/projects/{id}': {
        parameters: [idParam('id')],
        get: op('A project', { '200': ok('the project'), ...memberErrors }),
        patch: op('Rename or describe a project (editor or owner)', { '200': ok('the project'), ...memberErrors }, 'UpdateProject'),
        delete: op('Delete a project (owner)', { '204': ok('deleted'), ...memberErrors }),
      },
      '/api/projects/{id}/members': {
        parameters: [idParam('id')],
        get: op('Members and their roles', { '200': ok('members'), ...memberErrors }),
        post: op('Add a member by email (owner)', { '201': ok('the member'), '409': errorResponse('already a member'), ...memberErrors }, 'AddMember'),
      },
      '/api/projects/{id}/members/{userId}': {
        parameters: [idParam('id'), idParam('userId')],
        patch: op("Change a member's role (owner)", { '200': ok('the member'), '409': errorResponse('would leave no owner'), ...memberErrors }, 'UpdateMember'),
        delete: op('Remove a member (owner, or yourself)', { '204': ok('removed'), '409': errorResponse('would leave no owner'), ...memberErrors }),
      },
      '/api/projects/{id}/audit': {
        parameters: [idParam('id')],
        get: op('Audit log of the project and its designs (owner)', { '200': ok('events, newest first'), ...memberErrors }),
      },
      '/api/projects/{id}/designs': {
        parameters: [idParam('id')],
        get: op('Latest version of each design', { '200': ok('designs'), ...memberErrors }),
        post: op('Save a design: a new design, or version n+1 of one (editor or owner)', { '201': ok('the saved version'), '409': errorResponse('baseVersion is no longer the latest'), ...memberErrors }, 'SaveDesign'),
      },
      '/api/designs/{id}': { parameters: [idParam('id')], get: op('One version of a design', { '200': ok('the version'), ...memberErrors }) },
      '/api/designs/{id}/versions': { parameters: [idParam('id')], get: op('All versions of the design', { '200': ok('versions, newest first'), ...memberErrors }) },
      '/api/designs/{id}/simulations': {
        parameters: [idParam('id')],
        get: op('Past simulations of this design version, newest first', { '200': ok('simulations with their summaries'), ...memberErrors }),
        post: op('Launch a simulation of this exact version (editor or owner)', { '202': ok('{ id, status: PENDING }'), ...memberErrors }, 'SimulationConfig'),
      },
      '/api/projects/{id}/requirements': {
        parameters: [idParam('id')],
        get: op('Requirements of the project (docs/checks.md)', { '200': ok('{ requirements }'), ...memberErrors }),
        post: op('Write a requirement (editor or owner); audited', { '201': ok('the requirement'), '409': errorResponse('the id exists'), ...memberErrors }),
      },
      '/api/projects/{id}/requirements/{reqId}': {
        parameters: [idParam('id'), { name: 'reqId', in: 'path', required: true, schema: { type: 'string', pattern: '^REQ-[0-9]{4,12}$' } }],
        get: op('One requirement', { '200': ok('the requirement'), ...memberErrors }),
        put: op('Replace a requirement (editor or owner); audited', { '200': ok('the requirement'), ...memberErrors }),
        delete: op('Delete a requirement (editor or owner); audited', { '204': { description: 'deleted' }, ...memberErrors }),
      },
      '/api/designs/{id}/checks': { parameters: [idParam('id')], post: op('Start a check run of every requirement (or `only` some) on this version (editor or owner)', { '202': ok('{ id, status: RUNNING }'), ...memberErrors }) },
      '/api/checks/{id}': { parameters: [idParam('id')], get: op('A check run with its evidence', { '200': ok('the check run'), ...memberErrors }) },
      '/api/projects/{id}/checks': { parameters: [idParam('id')], get: op('Check runs of the project, newest first', { '200': ok('{ checkRuns }'), ...memberErrors }) },
      '/api/projects/{id}/checks/history': { parameters: [idParam('id')], get: op('Verdict history, pass rates, streaks, version verdicts and coverage (?window=1–200)', { '200': ok('the history'), ...memberErrors }) },
      '/api/simulations/{id}': {
        parameters: [idParam('id')],
        get: op('Status, progress, configuration and, once COMPLETED, the result summary', { '200': ok('the simulation'), ...memberErrors }),
        delete: op('Cancel (editor or owner)', { '200': ok('the simulation'), ...memberErrors }),
      },
      '/api/simulations/{id}/events': { parameters: [idParam('id')], get: op('Live status as Server-Sent Events (`event: status`)', { '200': { description: 'text/event-stream' }, ...memberErrors }) },
      '/api/simulations/{id}/metrics': {
        parameters: [idParam('id'), ...['metric', 'component', 'from', 'to', 'maxPoints'].map((name) => ({ name, in: 'query', required: name === 'metric', schema: { type: name === 'metric' || name === 'component' ? 'string' : 'number' } }))],
        get: op('A metric per component over simulated time, downsampled to maxPoints', { '200': ok('series'), ...memberErrors }),
      },
      '/api/simulations/{id}/metrics/batch': {
        parameters: [idParam('id')],
        post: op('Several metrics queries over one window in one request: body { queries: [{ metric, component? }] (1–32), from?, to?, maxPoints? }; answers in the order asked', { '200': ok('{ results }'), ...memberErrors }, 'MetricBatch'),
      },
      '/api/simulations/{id}/traces': { parameters: [idParam('id')], get: op('Kept traces filtered by status, minDurationMs and component', { '200': ok('total and trace summaries'), ...memberErrors }) },
      '/api/simulations/{id}/traces/batch': { parameters: [idParam('id')], post: op('Many traces with their spans in one request: body { traceIds } (1–500 ids); ids the run did not keep are left out', { '200': ok('{ traces }'), ...memberErrors }) },
      '/api/simulations/{id}/traces/sample': {
        parameters: [idParam('id'), { name: 'size', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 240 } }],
        get: op('A sample of the kept traces with their spans, spread over the run, a third failed ones (picked from the first 1,000 in start order), in start order: the replay’s request dots in one request', { '200': ok('{ traces }'), ...memberErrors }),
      },
      '/api/simulations/{id}/traces/{traceId}': { parameters: [idParam('id'), { name: 'traceId', in: 'path', required: true, schema: { type: 'string' } }], get: op('One trace with all its spans', { '200': ok('the trace'), ...memberErrors }) },
      '/api/simulations/{id}/logs': { parameters: [idParam('id')], get: op('Logs by full-text query, level and component, paginated', { '200': ok('total and logs'), ...memberErrors }) },
      '/api/simulations/{id}/share-links': {
        parameters: [idParam('id')],
        get: op('The run’s share links, newest first, never their tokens (editor or owner; docs/sharing.md)', { '200': ok('{ links }'), ...memberErrors }),
        post: op('Make a read-only share link: body { expiresInDays } (1–90, default 7); the token is in this answer only (editor or owner)', { '201': ok('{ link, token, path }'), '409': errorResponse('50 active links already'), ...memberErrors }),
      },
      '/api/simulations/{id}/share-links/{linkId}': { parameters: [idParam('id'), idParam('linkId')], delete: op('Revoke a share link (editor or owner)', { '200': ok('the link'), ...memberErrors }) },
      ...sharedPaths(),
      '/api/designs/{id}/reviews': {
        parameters: [idParam('id')],
        get: op('Past reviews of this design version, newest first', { '200': ok('{ reviews }'), ...memberErrors }),
        post: op('Review this version (editor or owner): findings per domain, optionally backed by what-if simulations (docs/review.md)', { '202': ok('{ id, status: PENDING }'), ...memberErrors }, 'ReviewRequest'),
      },
      '/api/reviews/{id}': { parameters: [idParam('id')], get: op('A review: status, progress, stage and, once COMPLETED, the findings', { '200': ok('the review'), ...memberErrors }) },
      '/api/reviews/{id}/events': { parameters: [idParam('id')], get: op('Live progress as Server-Sent Events (`progress`, then `done` with the stored review)', { '200': { description: 'text/event-stream' }, ...memberErrors }) },
      '/api/designs/{id}/refinements': {
        parameters: [idParam('id')],
        get: op('Past refine runs of this design version, newest first', { '200': ok('{ refinements }'), ...memberErrors }),
        post: op('Refine this version towards a goal (editor or owner): at most 3 iterations of generating → validating → optimizing', { '202': ok('{ id, status: PENDING }'), ...memberErrors }, 'RefinementGoal'),
      },
      '/api/refinements/{id}': { parameters: [idParam('id')], get: op('A refine run: status, timeline and, once COMPLETED, the proposed design, changes, capacity and evidence', { '200': ok('the refine run'), ...memberErrors }) },
      '/api/refinements/{id}/events': { parameters: [idParam('id')], get: op('Live refine run as Server-Sent Events (`entry` per timeline entry, `progress`, then `done`)', { '200': { description: 'text/event-stream' }, ...memberErrors }) },
      '/api/designs/{id}/diff': {
        parameters: [idParam('id'), { name: 'against', in: 'query', required: true, schema: { type: 'string', format: 'uuid' } }],
        get: op('What changed from `against` to this version', { '200': ok('added, removed and changed components and connections'), ...memberErrors }),
      },
    },
  };
}
