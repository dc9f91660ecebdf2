import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Input is validated at the edge, once (docs/architecture.md, "Requests at the edge"): every
 * controller of every service reads bodies and queries through a pipe and ids through UuidParam.
 * The few inputs a service must check against stored state are listed here, with why.
 */
const ROOT = join(__dirname, '..', '..');

/** `file: decorator` pairs allowed without a pipe. */
const CHECKED_BY_THE_SERVICE = new Set([
  // Checked against the design it runs (fault targets, server limits), after the access check.
  "services/simulations/src/controllers/simulations.controller.ts: @Body()",
  // The path's requirement id fills in a body without one.
  "services/projects/src/requirements/requirements.controller.ts: @Body()",
  // Requirement ids are `REQ-nnnn`, not uuids; the service answers 404 for any other.
  "services/projects/src/requirements/requirements.controller.ts: @Param('reqId')",
  // A member's id is judged after the caller's role, so a viewer learns only that they may not.
  "services/projects/src/controllers/members.controller.ts: @Param('userId')",
  // Trace ids are the engine's 32 hex digits; an unknown one is a 404 from the store.
  "services/telemetry/src/controllers/telemetry.controller.ts: @Param('traceId')",
  "services/telemetry/src/controllers/internal-shared-telemetry.controller.ts: @Param('traceId')",
]);

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

const services = readdirSync(join(ROOT, 'services')).map((name) => join(ROOT, 'services', name, 'src'));
const sources = services.flatMap((dir) => files(dir));
const controllers = sources.filter((file) => /@Controller\(/.test(readFileSync(file, 'utf8')));

describe('edge validation', () => {
  it('finds the controllers', () => {
    expect(controllers.length).toBeGreaterThanOrEqual(15);
  });

  it('reads every body, query and route parameter through a pipe, but for the listed exceptions', () => {
    const bare: string[] = [];
    for (const file of controllers) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/@(Body|Query)\(\)|@Param\('[A-Za-z]+'\)|@Query\('[A-Za-z]+'\)/g)) {
        bare.push(`${relative(ROOT, file)}: ${match[0]}`);
      }
    }
    expect(bare.filter((use) => !CHECKED_BY_THE_SERVICE.has(use))).toEqual([]);
  });

  it('keeps no uuid pattern of its own in a service (service-kit has the one)', () => {
    const copies = sources.filter((file) => /\[0-9a-f\]\{8\}-\[0-9a-f\]\{4\}/i.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file));
    expect(copies).toEqual([]);
  });
});
