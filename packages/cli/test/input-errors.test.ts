import { join } from 'node:path';
import { runCli, STACK_LINE, useDesignFile } from './support/cli';
import { threeTier } from './support/designs';

/** Every bad input: exit code 2, a message naming the culprit, never a stack trace. */
function expectInputError(args: string[], culprit: string | RegExp): string {
  const run = runCli(args);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  if (typeof culprit === 'string') expect(run.stderr).toContain(culprit);
  else expect(run.stderr).toMatch(culprit);
  expect(run.stderr).not.toMatch(STACK_LINE);
  return run.stderr;
}

describe('bad input to architech', () => {
  const { files, design } = useDesignFile(threeTier);

  describe('files', () => {
    it('names a design file that does not exist', () => {
      const missing = join(files.dir, 'missing.json');
      expectInputError(['simulate', missing], `architech: cannot read design file '${missing}': no such file`);
      expectInputError(['validate', missing], `cannot read design file '${missing}': no such file`);
    });

    it('names a faults file that does not exist', () => {
      expectInputError(['simulate', design(), '--faults', join(files.dir, 'nope.json')], /cannot read faults file '.*nope\.json': no such file/);
    });

    it('locates a JSON syntax error by file, line and column', () => {
      const broken = files.write('broken.json', '{\n  "components": [\n    { "id": "a", }\n  ]\n}\n');
      expectInputError(['simulate', broken], `${broken}:3:18: expected a property name in double quotes, found '}'`);
    });

    it('reports an empty file as invalid JSON', () => {
      const empty = files.write('empty.json', '');
      expectInputError(['validate', empty], `${empty}:1:1: expected a value, found the end of the file`);
    });

    it('lists schema errors one per line with the field path', () => {
      const bad = threeTier() as { components: { properties: Record<string, unknown> }[] };
      bad.components[2].properties.serviceTime = { dist: 'exponential', mean: 0 };
      const file = files.write('schema.json', bad);
      expectInputError(['simulate', file], new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: components\\[2\\]\\.properties\\.serviceTime\\.mean: Too small`, 'm'));
    });

    it('names a call-graph field that does not apply to its source (stage under fanOut "one")', () => {
      const bad = threeTier() as { connections: { properties?: Record<string, unknown> }[] };
      bad.connections[2].properties = { ...bad.connections[2].properties, stage: 2 };
      const file = files.write('stage.json', bad);
      expectInputError(['simulate', file], `${file}: connections[2].properties.stage: stage applies only when the source calls all its downstreams (fanOut: "all")`);
      expectInputError(['validate', file], 'connections[2].properties.stage');
    });

    it('rejects a faults file that is neither an array nor { faults: [...] }', () => {
      const odd = files.write('odd.json', { crash: 'db' });
      expectInputError(['simulate', design(), '--faults', odd], `${odd}: expected a JSON array of faults or an object { "faults": [...] }`);
    });

    it('rejects a fault whose target does not exist, naming the faults file and the field', () => {
      const faults = files.write('unknown-target.json', [{ type: 'crash', target: 'ghost', startSec: 1 }]);
      expectInputError(['simulate', design(), '--faults', faults], `${faults}: faults[0].target: no component or connection has id 'ghost'`);
    });
  });

  describe('flags', () => {
    it('rejects an unknown flag with a usage hint', () => {
      const stderr = expectInputError(['simulate', design(), '--frobnicate'], "architech: unknown option '--frobnicate'");
      expect(stderr).toContain('usage: architech simulate <design.json>');
    });

    it('rejects a non-numeric --duration', () => {
      expectInputError(['simulate', design(), '--duration', 'ten'], "--duration expects a number, got 'ten'");
    });

    it("rejects a --warmup that is neither seconds nor 'auto'", () => {
      expectInputError(['simulate', design(), '--warmup', 'soon'], "--warmup expects a number of seconds or 'auto', got 'soon'");
    });

    it('rejects --threads outside 1–64 or not a whole number', () => {
      expectInputError(['simulate', design(), '--threads', '0'], '--threads must be between 1 and 64, got 0');
      expectInputError(['simulate', design(), '--threads', '1.5'], "--threads expects a whole number, got '1.5'");
    });

    it('rejects a fractional --replications', () => {
      expectInputError(['simulate', design(), '--replications', '2.5'], "--replications expects a whole number, got '2.5'");
    });

    it('rejects a negative seed, written either way', () => {
      expectInputError(['simulate', design(), '--seed=-1'], 'architech: --seed: Too small');
      expectInputError(['simulate', design(), '--seed', '-1'], "option '--seed' needs a value");
    });

    it('enforces the contracts limits on flags, naming the flag', () => {
      expectInputError(['simulate', design(), '--duration', '1000000'], 'architech: --duration: Too big');
      expectInputError(['simulate', design(), '--duration', '10', '--warmup', '20'], '--warmup: warmupSec must be shorter than durationSec');
      expectInputError(['simulate', design(), '--sample-rate', '2'], '--sample-rate: Too big');
    });

    it('rejects a flag missing its value', () => {
      expectInputError(['simulate', design(), '--duration'], "option '--duration' needs a value");
    });

    it('rejects a missing design file argument and a second one', () => {
      expectInputError(['simulate'], 'architech: missing the design file');
      expectInputError(['validate', design(), design()], `unexpected argument '${design()}'`);
    });

    it('rejects an unknown command and a missing one', () => {
      expectInputError(['simulte', design()], "architech: unknown command 'simulte'");
      expectInputError([], 'architech: missing a command');
    });
  });
});
