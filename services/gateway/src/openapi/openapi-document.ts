import {
  addMemberSchema,
  createProjectSchema,
  designSchema,
  loginSchema,
  registerSchema,
  saveDesignSchema,
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

/**
 * The public API as an OpenAPI 3.1 document, with request bodies generated from the zod schemas
 * of `@architech/contracts` — the same schemas the services validate with.
 */
export function buildOpenApiDocument(): Schema {
  const ok = (description: string, schema?: Schema) => ({ description, ...(schema ? { content: json(schema) } : {}) });
  return {
    openapi: '3.1.0',
    info: { title: 'Architech API', version: '0.1.0', description: 'Accounts, projects and versioned designs. Errors are `{ error: { code, message, details } }`.' },
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
        CreateProject: input(createProjectSchema),
        UpdateProject: input(updateProjectSchema),
        AddMember: input(addMemberSchema),
        UpdateMember: input(updateMemberSchema),
        SaveDesign: input(saveDesignSchema),
        Design: input(designSchema),
      },
    },
    paths: {
      '/api/auth/register': { post: op('Create an account', { '201': ok('the new user'), '409': errorResponse('email already registered') }, 'Register', { security: [] }) },
      '/api/auth/login': { post: op('Log in: get a bearer token', { '200': ok('accessToken, expiresInSec and the user'), '401': errorResponse('wrong email or password'), '429': errorResponse('too many failed logins') }, 'Login', { security: [] }) },
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
      '/api/designs/{id}/diff': {
        parameters: [idParam('id'), { name: 'against', in: 'query', required: true, schema: { type: 'string', format: 'uuid' } }],
        get: op('What changed from `against` to this version', { '200': ok('added, removed and changed components and connections'), ...memberErrors }),
      },
    },
  };
}
