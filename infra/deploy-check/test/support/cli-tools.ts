import { spawnSync } from 'node:child_process';

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (at most 60 s), its output as text; a missing command gives status null. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): CommandResult {
  const result = spawnSync(command, args, { env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? String(result.error ?? '') };
}

/** Whether a tool is installed and works (`docker compose version`, `kubectl version --client`). */
export function available(command: string, args: string[]): boolean {
  return run(command, args).status === 0;
}
