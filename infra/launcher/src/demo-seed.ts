import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The demo account `--demo` creates (shown on start; local use only). */
export const DEMO_ACCOUNT = { email: 'demo@architech.local', password: 'architech-demo', name: 'Demo Designer' } as const;

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const DEMO_PROJECT = 'Demo: three-tier web application';

/** What the seed left for the newcomer to open. */
export interface DemoSeed {
  readonly projectUrl: string;
  readonly designUrl: string;
  readonly simulationUrl: string;
  readonly created: boolean;
}

type Json = Record<string, any>;

async function call(base: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
}

async function must(base: string, method: string, path: string, body?: unknown, token?: string): Promise<Json> {
  const res = await call(base, method, path, body, token);
  if (res.status >= 300) throw new Error(`demo seed: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function waitForFinal(base: string, id: string, token: string, timeoutMs = 120_000): Promise<Json> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sim = await must(base, 'GET', `/api/simulations/${id}`, undefined, token);
    if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(sim.status)) return sim;
    if (Date.now() > deadline) throw new Error(`demo seed: simulation ${id} still ${sim.status} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Seeds what a newcomer should see at once, through the public API like any client: the demo
 * account, a project with the three-tier example design, and two completed simulations of it — a
 * baseline and one with the database crashing (examples/faults/db-crash.json) — to compare.
 * Idempotent: with the demo project already there it only reports where things are.
 */
export async function seedDemo(base: string): Promise<DemoSeed> {
  const registered = await call(base, 'POST', '/api/auth/register', DEMO_ACCOUNT);
  if (registered.status !== 201 && registered.status !== 409) throw new Error(`demo seed: registering the demo account answered ${registered.status}`);
  const { accessToken: token } = await must(base, 'POST', '/api/auth/login', { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password });
  const { projects } = await must(base, 'GET', '/api/projects', undefined, token);
  const existing = (projects as Json[]).find((p) => p.name === DEMO_PROJECT);
  if (existing) {
    const { designs } = await must(base, 'GET', `/api/projects/${existing.id}/designs`, undefined, token);
    const design = (designs as Json[])[0];
    const sims = design ? ((await must(base, 'GET', `/api/designs/${design.id}/simulations`, undefined, token)).simulations as Json[]) : [];
    return {
      projectUrl: `${base}/projects/${existing.id}`,
      designUrl: design ? `${base}/projects/${existing.id}/designs/${design.id}` : `${base}/projects/${existing.id}`,
      simulationUrl: sims[0] ? `${base}/projects/${existing.id}/simulations/${sims[0].id}` : `${base}/projects/${existing.id}`,
      created: false,
    };
  }
  const example = JSON.parse(readFileSync(join(EXAMPLES, 'three-tier.json'), 'utf8')) as Json;
  const faults = JSON.parse(readFileSync(join(EXAMPLES, 'faults', 'db-crash.json'), 'utf8')) as Json[];
  const project = await must(base, 'POST', '/api/projects', { name: DEMO_PROJECT, description: 'Seeded by npm run demo: a three-tier design, a baseline run and a run with the database crashing.' }, token);
  const design = await must(base, 'POST', `/api/projects/${project.id}/designs`, { name: example.name, description: example.description, components: example.components, connections: example.connections }, token);
  const hypothesis = [
    { metric: 'latencyP99Ms', op: '<', value: 300 },
    { metric: 'errorRate', op: '<', value: 0.01 },
  ];
  const baseline = await must(base, 'POST', `/api/designs/${design.id}/simulations`, { durationSec: 120, warmupSec: 10, seed: 7, hypothesis }, token);
  await waitForFinal(base, baseline.id, token);
  const crash = await must(base, 'POST', `/api/designs/${design.id}/simulations`, { durationSec: 120, warmupSec: 10, seed: 7, faults, hypothesis, tracing: { sampleRate: 0.02, maxTraces: 1000, slowest: 20, maxLogs: 10_000 } }, token);
  await waitForFinal(base, crash.id, token);
  return {
    projectUrl: `${base}/projects/${project.id}`,
    designUrl: `${base}/projects/${project.id}/designs/${design.id}`,
    simulationUrl: `${base}/projects/${project.id}/simulations/${crash.id}`,
    created: true,
  };
}
