import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { validateSimulationConfig } from '@architech/contracts';
import { importFaults, importInfrastructure, ImportFailure } from '../src';
import { FIXTURES, load } from './support';

const fixture = (name: string) => ({ path: name, text: readFileSync(join(FIXTURES, 'chaos', name), 'utf8') });

describe('chaos experiments → faults', () => {
  let design: Awaited<ReturnType<typeof importInfrastructure>>['design'];
  beforeAll(async () => {
    design = (await importInfrastructure(load(join(FIXTURES, 'compose')))).design;
  });

  const runnable = (faults: unknown[], durationSec: number) => {
    const checked = validateSimulationConfig({ durationSec, faults }, undefined);
    expect(checked.ok ? [] : checked.issues).toEqual([]);
  };

  it('Chaos Mesh: pod-kill, delay, loss, stress; IOChaos and unmatched targets reported', () => {
    const r = importFaults(fixture('chaos-mesh.yaml'), design);
    expect(r.source).toBe('chaos-mesh');
    expect(r.faults).toEqual([
      { type: 'crash', target: 'api', startSec: 30, durationSec: 45, replicas: 1 },
      { type: 'latency', target: 'postgres', startSec: 30, durationSec: 120, delayMs: 120 },
      { type: 'packet_loss', target: 'redis', startSec: 30, durationSec: 60, rate: 0.25 },
      { type: 'slowdown', target: 'web', startSec: 30, durationSec: 30, factor: 2 },
    ]);
    expect(r.unsupported.map((u) => [u.resource, u.line])).toEqual([['IOChaos disk', 39], ['PodChaos kill-ghost pod-kill', 44]]);
    expect(r.suggestedDurationSec).toBe(210);
    runnable([...r.faults], r.suggestedDurationSec);
  });

  it('Litmus ChaosEngine: pod-delete, network latency, cpu hog; disk-fill reported', () => {
    const r = importFaults(fixture('litmus.yaml'), design);
    expect(r.faults).toEqual([
      { type: 'crash', target: 'api', startSec: 30, durationSec: 30 },
      { type: 'latency', target: 'api', startSec: 30, durationSec: 60, delayMs: 300 },
      { type: 'slowdown', target: 'api', startSec: 30, durationSec: 60, factor: 2 },
    ]);
    expect(r.unsupported).toEqual([expect.objectContaining({ resource: 'Litmus disk-fill', line: 20 })]);
  });

  it('AWS FIS: ECS stop-task by ARN, API errors by tag; wait reported', () => {
    const r = importFaults(fixture('fis.json'), design);
    expect(r.source).toBe('aws-fis');
    expect(r.faults).toEqual([
      { type: 'crash', target: 'api', startSec: 30, durationSec: 60 },
      { type: 'error', target: 'payments', startSec: 30, durationSec: 120, rate: 0.4 },
    ]);
    expect(r.unsupported.map((u) => u.message)).toEqual(['FIS action aws:fis:wait has no fault equivalent']);
  });

  it('refuses what is not an experiment', () => {
    expect(() => importFaults({ path: 'x.yaml', text: 'services: {}\n' }, design)).toThrow(ImportFailure);
    expect(() => importFaults({ path: 'x.yaml', text: '' }, design)).toThrow('x.yaml:1: the file is empty');
  });
});
