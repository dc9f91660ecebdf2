import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUS_TOPICS,
  decodeLogBatch,
  decodeMetricBatch,
  decodeSimulationJob,
  decodeSimulationStatusEvent,
  decodeSpanBatch,
  encodeLogBatch,
  encodeMetricBatch,
  encodeSimulationJob,
  encodeSimulationStatusEvent,
  encodeSpanBatch,
  simulationConfigSchema,
  validateDesign,
  type Design,
  type MetricName,
} from '@architech/contracts';
import { decodeOrSkip, reportHandlerFailureToStderr, type HandlerFailure } from '../src/adapters/bus/handler-retry';
import { InProcessEventBus } from '../src/adapters/bus/in-process-event-bus';

/*
 * A consumer decodes every bus message through the contracts' codecs with `decodeOrSkip`: a
 * message that does not validate is rejected with the reason, reported (a line on stderr) and
 * skipped; the consumer goes on with the next message of the same key instead of crashing or
 * retrying forever. One case per message kind, each with a message that is valid protobuf but
 * breaks its contract (the encoders trust their validated input, so a faulty producer can send it).
 */

/** A design as users write them (examples/mm1.json), validated as the API does before publishing a job. */
const design = (() => {
  const outcome = validateDesign(JSON.parse(readFileSync(join(__dirname, '../../../examples/mm1.json'), 'utf8')));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
})();
const job = { simulationId: 'sim-1', designVersionId: 'dv-1', userId: 'u-1', design, configuration: simulationConfigSchema.parse({ durationSec: 10 }), traceContext: {} };

const cases = [
  {
    kind: 'simulation job',
    topic: BUS_TOPICS.simulationJobs,
    decode: decodeSimulationJob,
    bad: encodeSimulationJob({ ...job, design: { ...design, components: [{ id: 'api', type: 'SERVICE', properties: { workers: 0 } }] } as unknown as Design }),
    good: encodeSimulationJob(job),
    reason: /architech\.v1\.SimulationJob: design does not validate: components\[0\]\.properties\.workers/,
  },
  {
    kind: 'status event',
    topic: BUS_TOPICS.simulationStatus,
    decode: decodeSimulationStatusEvent,
    bad: encodeSimulationStatusEvent({ id: 'sim-1', status: 'RUNNING', progress: 2, sequence: 1 }),
    good: encodeSimulationStatusEvent({ id: 'sim-1', status: 'RUNNING', progress: 0.5, sequence: 2 }),
    reason: /architech\.v1\.SimulationStatusEvent: progress must be a number in \[0, 1\], got 2/,
  },
  {
    kind: 'metric batch',
    topic: BUS_TOPICS.metrics,
    decode: decodeMetricBatch,
    bad: encodeMetricBatch({ simulationId: 'sim-1', batchId: 'b1', bucketSec: 1, series: [{ componentId: 'api', componentType: 'SERVICE', metric: 'p999' as MetricName, startSec: 0, values: [1] }] }),
    good: encodeMetricBatch({ simulationId: 'sim-1', batchId: 'b2', bucketSec: 1, series: [{ componentId: 'api', componentType: 'SERVICE', metric: 'arrivals', startSec: 0, values: [1] }] }),
    reason: /architech\.v1\.MetricBatch: series\[0\]\.metric 'p999' is none of/,
  },
  {
    kind: 'span batch',
    topic: BUS_TOPICS.spans,
    decode: decodeSpanBatch,
    bad: encodeSpanBatch({ simulationId: 'sim-1', batchId: '', traces: [] }),
    good: encodeSpanBatch({ simulationId: 'sim-1', batchId: 'b2', traces: [] }),
    reason: /architech\.v1\.SpanBatch: batch_id is empty/,
  },
  {
    kind: 'log batch',
    topic: BUS_TOPICS.logs,
    decode: decodeLogBatch,
    bad: encodeLogBatch({ simulationId: 'sim-1', batchId: 'b1', records: [{ id: '', timeMs: 0, level: 'info', event: 'e', componentId: null, message: 'm' }] }),
    good: encodeLogBatch({ simulationId: 'sim-1', batchId: 'b2', records: [{ id: '0', timeMs: 0, level: 'info', event: 'e', componentId: null, message: 'm' }] }),
    reason: /architech\.v1\.LogBatch: records\[0\]\.id is empty/,
  },
];

describe.each(cases)('a consumer of $kind messages', ({ kind, topic, decode, bad, good, reason }) => {
  it('rejects, logs and skips an invalid one, then handles the next message of its key', async () => {
    const failures: HandlerFailure[] = [];
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const bus = new InProcessEventBus({
      onHandlerError: (failure) => {
        failures.push(failure);
        reportHandlerFailureToStderr(failure);
      },
    });
    try {
      const handled: unknown[] = [];
      let calls = 0;
      await bus.subscribe({ topic, group: 'consumers' }, async (message) => {
        calls++;
        handled.push(decodeOrSkip(kind, message.value, decode));
      });
      await bus.publish(topic, [
        { key: 'sim-1', value: bad },
        { key: 'sim-1', value: good },
      ]);
      for (let i = 0; i < 200 && handled.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));

      expect(handled).toEqual([decode(good)]);
      expect(calls).toBe(2);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ skipped: true, attempt: 1 });
      expect(String(failures[0]!.error)).toMatch(reason);
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`skipped a message on topic "${topic.replace(/\./g, '\\.')}" key "sim-1" it can never handle: a ${kind} of \\d+ bytes does not decode: ${reason.source}`)));
    } finally {
      logged.mockRestore();
      await bus.close();
    }
  });
});
