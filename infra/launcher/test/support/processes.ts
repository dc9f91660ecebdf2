import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
// One helper for test databases across the repository.
export { createTestDatabase } from '../../../../packages/service-kit/test/support/test-database';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Environment every test topology shares: cheap hashing, quiet logs. */
export const TEST_ENV = { BCRYPT_COST: '4', JWT_SECRET: 'test-secret-of-enough-length', INTERNAL_TOKEN: 'test-internal-token-long-enough', NODE_ENV: 'test' };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node <script>` and resolves once its output matches `ready` (or rejects on exit/timeout). */
export function startProcess(script: string, env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 60_000): Promise<RunningProcess & { match: RegExpMatchArray }> {
  const child = spawn(process.execPath, [join(ROOT, script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not become ready in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/**
 * Starts again, with ports picked anew, when a start failed only because a port it picked was
 * taken meanwhile (between freePort's probe and the bind, by another test running in parallel).
 */
async function withFreshPortsOnCollision<T>(start: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts || !/EADDRINUSE/.test((error as Error).message)) throw error;
    }
  }
}

/** The embedded topology (`npm start`'s launcher) as a child process; resolves with the gateway URL. */
export async function startLauncher(env: NodeJS.ProcessEnv): Promise<{ url: string; pid: number; stop(): Promise<void>; kill(): Promise<void>; output(): string }> {
  const started = await withFreshPortsOnCollision(async () => {
    const port = await freePort();
    return startProcess('infra/launcher/dist/main.js', { ...TEST_ENV, GATEWAY_HOST: '127.0.0.1', GATEWAY_PORT: String(port), ...env }, /running at (http:\/\/\S+?) /, 180_000);
  });
  const kill = () =>
    new Promise<void>((resolve) => {
      if (started.child.exitCode !== null || started.child.signalCode !== null) return resolve();
      started.child.once('exit', () => resolve());
      started.child.kill('SIGKILL');
    });
  return { url: started.match[1], pid: started.child.pid!, stop: started.stop, kill, output: started.output };
}

/** Every service as its own process on one database, as compose and Kubernetes run them. */
export async function startDistributed(databaseUrl: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const [users, projects, designs, gateway] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const env = {
    ...TEST_ENV,
    ...extraEnv,
    DATABASE_URL: databaseUrl,
    USERS_PORT: String(users),
    PROJECTS_PORT: String(projects),
    DESIGNS_PORT: String(designs),
    GATEWAY_PORT: String(gateway),
    GATEWAY_HOST: '127.0.0.1',
    USERS_URL: `http://127.0.0.1:${users}`,
    PROJECTS_URL: `http://127.0.0.1:${projects}`,
    DESIGNS_URL: `http://127.0.0.1:${designs}`,
    // No simulations service in this topology: the project audit trail has no simulation events.
    SIMULATIONS_URL: '',
  };
  const ready = /listening on/;
  const started = await Promise.all([
    startProcess('services/users/dist/main.js', env, ready),
    startProcess('services/projects/dist/main.js', env, ready),
    startProcess('services/designs/dist/main.js', env, ready),
    startProcess('services/gateway/dist/main.js', env, ready),
  ]);
  return { url: `http://127.0.0.1:${gateway}`, stop: async () => void (await Promise.all(started.map((p) => p.stop()))) };
}
