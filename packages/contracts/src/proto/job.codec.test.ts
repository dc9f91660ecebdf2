import { create, toBinary } from '@bufbuild/protobuf';
import { SimulationJobSchema } from './architech/v1/simulation_job_pb';
import { SimulationStatus, SimulationStatusEventSchema } from './architech/v1/simulation_status_pb';
import { validateDesign } from '../design-validation';
import { simulationConfigSchema } from '../simulation-config.schema';
import { BusMessageError, decodeSimulationJob, decodeSimulationStatusEvent, encodeSimulationJob, encodeSimulationStatusEvent, statusSequence, type SimulationJobMessage } from './index';

const design = (() => {
  const outcome = validateDesign({
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 50 } } },
      { id: 'api', type: 'SERVICE', properties: { workers: 4, serviceTime: { dist: 'exponential', mean: 10 } } },
    ],
    connections: [{ id: 'c1', source: 'users', target: 'api', properties: { weight: 2 } }],
  });
  if (!outcome.ok) throw new Error('fixture');
  return outcome.value;
})();

const job: SimulationJobMessage = {
  simulationId: 'sim-1',
  designVersionId: 'dv-7',
  userId: 'u-3',
  design,
  configuration: simulationConfigSchema.parse({ durationSec: 60, seed: Number.MAX_SAFE_INTEGER, faults: [{ type: 'crash', target: 'api', startSec: 10 }] }),
  traceContext: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'congo=t61rcWkgMzE' },
};

/** A job's bytes with its design and configuration replaced, as a faulty producer would send them. */
const rawJob = (fields: Record<string, unknown>) => toBinary(SimulationJobSchema, create(SimulationJobSchema, { simulationId: 'sim-1', designVersionId: 'dv-7', ...fields }));

describe('a simulation job on the bus', () => {
  it('round-trips the validated design and configuration as protobuf Structs, exactly', () => {
    const decoded = decodeSimulationJob(encodeSimulationJob(job));
    expect(decoded).toMatchObject(job);
    expect(decoded.design).toEqual(job.design);
    expect(decoded.configuration).toEqual(job.configuration);
    // A weight stays as written: the engine's defaults are resolved by the consumer.
    expect(decoded.design.connections[0]!.properties.weight).toBe(2);
    expect(decoded.requestedAt).toBeInstanceOf(Date);
  });

  it('rejects a job whose design does not validate, naming the field', () => {
    const bytes = rawJob({ design: { components: [{ id: 'api', type: 'SERVICE', properties: { workers: 0, serviceTime: { dist: 'constant', value: 1 } } }] }, configuration: { durationSec: 60 } });
    expect(() => decodeSimulationJob(bytes)).toThrow(BusMessageError);
    expect(() => decodeSimulationJob(bytes)).toThrow(/architech\.v1\.SimulationJob: design does not validate: components\[0\]\.properties\.workers/);
  });

  it('rejects a job whose configuration does not fit its design, or that lacks one', () => {
    const faulty = rawJob({ design: JSON.parse(JSON.stringify(design)), configuration: { durationSec: 60, faults: [{ type: 'crash', target: 'nowhere', startSec: 1 }] } });
    expect(() => decodeSimulationJob(faulty)).toThrow(/configuration does not validate: faults\[0\]\.target: no component or connection has id 'nowhere'/);
    expect(() => decodeSimulationJob(rawJob({ design: JSON.parse(JSON.stringify(design)) }))).toThrow('architech.v1.SimulationJob: configuration is missing');
    expect(() => decodeSimulationJob(rawJob({}))).toThrow('architech.v1.SimulationJob: design is missing');
  });

  it('rejects JSON sent where protobuf binary is expected, and a job without ids', () => {
    expect(() => decodeSimulationJob(new TextEncoder().encode('{"simulationId":"sim-1"}'))).toThrow(BusMessageError);
    expect(() => encodeSimulationJob({ ...job, simulationId: '' })).toThrow('architech.v1.SimulationJob: simulation_id is empty');
    expect(() => decodeSimulationJob(rawJob({ designVersionId: '' }))).toThrow('design_version_id is empty');
  });
});

describe('a simulation status event on the bus', () => {
  it('round-trips every field, the summary as a Struct', () => {
    const summary = { endToEnd: { requests: 10, completions: 9, errors: 1, throughput: 0.15, errorRate: 0.1, latency: { mean: 1, p50: 1, p95: 2, p99: 3, max: 4 } }, components: {} };
    const event = { id: 'sim-1', status: 'COMPLETED' as const, progress: 1, replication: 3, replications: 3, simTimeMs: 60_000.5, events: 2 ** 40, error: 'none', summary, workerId: 'worker-2', sequence: statusSequence('COMPLETED') };
    expect(decodeSimulationStatusEvent(encodeSimulationStatusEvent(event))).toEqual(event);
  });

  it('carries every lifecycle state by name', () => {
    for (const status of ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const) {
      expect(decodeSimulationStatusEvent(encodeSimulationStatusEvent({ id: 's', status, progress: 0, sequence: 0 })).status).toBe(status);
    }
  });

  it('rejects an event without a state, with progress outside [0, 1], or with a malformed summary', () => {
    const raw = (fields: Record<string, unknown>) => toBinary(SimulationStatusEventSchema, create(SimulationStatusEventSchema, { simulationId: 's', status: SimulationStatus.RUNNING, ...fields }));
    expect(() => decodeSimulationStatusEvent(raw({ status: SimulationStatus.UNSPECIFIED }))).toThrow('architech.v1.SimulationStatusEvent: status has code 0, which is none of PENDING, RUNNING, COMPLETED, FAILED, CANCELLED');
    expect(() => decodeSimulationStatusEvent(raw({ status: 9 }))).toThrow(/status has code 9/);
    expect(() => decodeSimulationStatusEvent(raw({ progress: 1.5 }))).toThrow('progress must be a number in [0, 1], got 1.5');
    expect(() => decodeSimulationStatusEvent(raw({ summary: { endToEnd: 3 } }))).toThrow('summary needs endToEnd and components');
  });
});

describe('statusSequence', () => {
  it('ranks a run’s events: PENDING < RUNNING, growing with progress < every final state', () => {
    expect(statusSequence('PENDING')).toBe(0);
    expect(statusSequence('RUNNING', 0)).toBe(10_000_000);
    expect(statusSequence('RUNNING', 0.5)).toBe(10_500_000);
    expect(statusSequence('RUNNING', 1)).toBe(11_000_000);
    for (const final of ['COMPLETED', 'FAILED', 'CANCELLED'] as const) expect(statusSequence(final, 0)).toBe(30_000_000);
    expect(statusSequence('RUNNING', 1)).toBeLessThan(statusSequence('FAILED', 0));
  });
});
