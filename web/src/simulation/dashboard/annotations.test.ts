import type { SimulationConfig, SimulationDto } from '@architech/contracts';
import { annotationsOf } from './annotations';

const config = (over: Partial<SimulationConfig>): SimulationConfig => ({
  durationSec: 120,
  warmupSec: 10,
  seed: 1,
  replications: 1,
  maxReplications: 50,
  faults: [],
  tracing: { sampleRate: 0.01, maxTraces: 1000, slowest: 20, maxLogs: 10_000 },
  ...over,
});

describe('chart annotations', () => {
  it('shade the configured warm-up and fault windows before the run has a result', () => {
    const sim = { configuration: config({ faults: [{ type: 'crash', target: 'db', startSec: 30, durationSec: 20 }] }) };
    expect(annotationsOf(sim, (id) => id.toUpperCase())).toEqual([
      { kind: 'warmup', startSec: 0, endSec: 10, label: 'warm-up', lane: 0 },
      { kind: 'crash', startSec: 30, endSec: 50, label: 'crash · DB', lane: 0 },
    ]);
  });

  it('run an open-ended fault to the end of the run and skip one starting after it', () => {
    const sim = { configuration: config({ warmupSec: 0, faults: [{ type: 'partition', target: 'c1', startSec: 100 }, { type: 'partition', target: 'c2', startSec: 500 }] }) };
    expect(annotationsOf(sim)).toEqual([{ kind: 'partition', startSec: 100, endSec: 120, label: 'partition · c1', lane: 0 }]);
  });

  it('use what happened once the run is complete, such as the detected warm-up', () => {
    const sim: Pick<SimulationDto, 'configuration' | 'result'> = {
      configuration: config({ warmupSec: 'auto', faults: [{ type: 'slowdown', target: 'api', startSec: 60, factor: 3 }] }),
      result: { settings: { durationSec: 120, warmupSec: 25, warmupMode: 'auto', seed: 1, bucketSec: 1 }, replications: 1, events: 1, wallMs: 1, faults: [{ type: 'slowdown', target: 'api', startSec: 60, endSec: 120, params: { factor: 3 } }] },
    };
    expect(annotationsOf(sim).map((a) => [a.kind, a.startSec, a.endSec])).toEqual([
      ['warmup', 0, 25],
      ['slowdown', 60, 120],
    ]);
  });

  it('put the labels of overlapping windows on separate lanes and reuse a lane once free', () => {
    const sim = {
      configuration: config({
        warmupSec: 0,
        faults: [
          { type: 'latency', target: 'a', startSec: 10, durationSec: 30, delayMs: 5 },
          { type: 'error', target: 'b', startSec: 20, durationSec: 5, rate: 1 },
          { type: 'crash', target: 'c', startSec: 50, durationSec: 5 },
        ],
      }),
    };
    expect(annotationsOf(sim).map((a) => a.lane)).toEqual([0, 1, 0]);
  });
});
