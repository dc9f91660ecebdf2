import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * An in-memory PGlite behind the built wire server, in a child process (PGlite's WebAssembly
 * loads by dynamic import, which jest's VM cannot run): the embedded Postgres, as tests reach it.
 */
export function startPgliteServer(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [join(__dirname, '..', 'fixtures', 'serve-pglite.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\S+)/.exec(out);
      if (match) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`PGlite fixture exited with ${code}`)));
  });
}
