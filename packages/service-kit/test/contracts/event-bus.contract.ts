import { randomUUID } from 'node:crypto';
import { decodeOrSkip, type HandlerFailure, type HandlerFailureReporter } from '../../src/adapters/bus/handler-retry';
import type { BusMessage, EventBus, Subscription } from '../../src/ports/event-bus.port';

/** Tuning for adapters whose delivery is slower than in-process (network, group rebalances). */
export interface EventBusContractOptions {
  /** Longest wait for an expected delivery (default 5 s). Each spec's jest timeout is a few times this. */
  deliveryTimeoutMs?: number;
  /** How long to keep listening after the expected deliveries, to catch extra ones (default 50 ms). */
  quietPeriodMs?: number;
}

interface Delivery {
  subscriber: string;
  key: string;
  seq: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const seqBytes = (seq: number) => encoder.encode(String(seq));
const seqOf = (message: BusMessage) => Number(decoder.decode(message.value));
const unique = (prefix: string) => `contract-${prefix}-${randomUUID().slice(0, 8)}`;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The event bus port's contract (docs/architecture.md §3), run against every adapter so they are
 * interchangeable: delivery intact, per-key order, consumer groups, redelivery after a handler
 * failure, and `stop()` handing partitions over. Each spec uses its own topics and groups, so it can
 * run against a shared broker.
 *
 * @param makeBus a fresh, connected bus per spec, reporting handler failures to `onHandlerError`; it is closed after the spec
 * @example describeEventBusContract('the in-process event bus', async ({ onHandlerError }) => new InProcessEventBus({ onHandlerError }));
 */
export function describeEventBusContract(
  name: string,
  makeBus: (settings: { onHandlerError: HandlerFailureReporter }) => Promise<EventBus>,
  options: EventBusContractOptions = {},
): void {
  const deliveryTimeoutMs = options.deliveryTimeoutMs ?? 5000;
  const quietPeriodMs = options.quietPeriodMs ?? 50;

  describe(name, () => {
    jest.setTimeout(deliveryTimeoutMs * 4);
    let bus: EventBus;
    let deliveries: Delivery[];
    let failures: HandlerFailure[];

    beforeEach(async () => {
      failures = [];
      bus = await makeBus({ onHandlerError: (failure) => failures.push(failure) });
      deliveries = [];
    });
    afterEach(async () => {
      await bus.close();
    });

    const waitFor = async (what: string, done: () => boolean) => {
      const deadline = Date.now() + deliveryTimeoutMs;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`timed out after ${deliveryTimeoutMs} ms waiting for ${what}`);
        await sleep(5);
      }
    };

    /** Subscribes a handler that records `{ subscriber, key, seq }` and then runs `extra`. */
    const subscribe = (topic: string, group: string, subscriber: string, extra?: (message: BusMessage) => Promise<void>) =>
      bus.subscribe({ topic, group }, async (message) => {
        deliveries.push({ subscriber, key: message.key, seq: seqOf(message) });
        await extra?.(message);
      });

    const publishSeqs = (topic: string, seqs: number[], keyOf: (seq: number) => string) =>
      bus.publish(topic, seqs.map((seq) => ({ key: keyOf(seq), value: seqBytes(seq) })));

    it('delivers a published message with its topic, key, value bytes and headers intact', async () => {
      const topic = unique('intact');
      const received: BusMessage[] = [];
      await bus.subscribe({ topic, group: unique('g') }, async (message) => {
        received.push(message);
      });
      const value = Uint8Array.from(range(0, 256));
      const headers = { 'content-type': 'application/x-protobuf', 'x-note': 'naïve – 日本語', empty: '' };

      await bus.publish(topic, [{ key: 'sim-1', value, headers }]);

      await waitFor('the message', () => received.length === 1);
      expect(received[0].topic).toBe(topic);
      expect(received[0].key).toBe('sim-1');
      expect(Array.from(received[0].value)).toEqual(range(0, 256));
      expect(received[0].headers).toEqual(headers);
    });

    it('keeps per-key order over 200 messages on 5 keys shared by 2 subscribers of one group', async () => {
      const topic = unique('order');
      const group = unique('g');
      // Yielding inside the handler lets partitions interleave, which is what could reorder a key.
      const yieldOnce = () => new Promise<void>((resolve) => setImmediate(resolve));
      await subscribe(topic, group, 'a', yieldOnce);
      await subscribe(topic, group, 'b', yieldOnce);
      const keyOf = (seq: number) => `key-${seq % 5}`;

      for (let batch = 0; batch < 20; batch++) await publishSeqs(topic, range(batch * 10, batch * 10 + 10), keyOf);

      await waitFor('200 deliveries', () => deliveries.length >= 200);
      for (let k = 0; k < 5; k++) {
        const seqs = deliveries.filter((d) => d.key === `key-${k}`).map((d) => d.seq);
        expect(seqs).toEqual(range(0, 200).filter((seq) => seq % 5 === k));
      }
    });

    it('hands each message to exactly one subscriber of a group, and to every group', async () => {
      const topic = unique('groups');
      const [first, second] = [unique('g1'), unique('g2')];
      await subscribe(topic, first, 'first-a');
      await subscribe(topic, first, 'first-b');
      await subscribe(topic, second, 'second');

      await publishSeqs(topic, range(0, 40), (seq) => `key-${seq % 8}`);

      const seqsOf = (prefix: string) => deliveries.filter((d) => d.subscriber.startsWith(prefix)).map((d) => d.seq);
      await waitFor('40 deliveries per group', () => seqsOf('first').length >= 40 && seqsOf('second').length >= 40);
      await sleep(quietPeriodMs);
      expect(seqsOf('first').sort((x, y) => x - y)).toEqual(range(0, 40));
      expect(seqsOf('second').sort((x, y) => x - y)).toEqual(range(0, 40));
    });

    it('delivers both topics to one group whose subscribers each take a different topic', async () => {
      const [metrics, spans] = [unique('metrics'), unique('spans')];
      const group = unique('g');
      await subscribe(metrics, group, 'metrics');
      await subscribe(spans, group, 'spans');

      await publishSeqs(metrics, range(0, 20), (seq) => `key-${seq % 4}`);
      await publishSeqs(spans, range(100, 120), (seq) => `key-${seq % 4}`);

      const seqsOf = (subscriber: string) => deliveries.filter((d) => d.subscriber === subscriber).map((d) => d.seq).sort((x, y) => x - y);
      await waitFor('20 deliveries per topic', () => seqsOf('metrics').length >= 20 && seqsOf('spans').length >= 20);
      await sleep(quietPeriodMs);
      expect(seqsOf('metrics')).toEqual(range(0, 20));
      expect(seqsOf('spans')).toEqual(range(100, 120));
    });

    it('redelivers a message whose handler threw twice, holding back the later messages of its key', async () => {
      const topic = unique('retry');
      let failures = 0;
      await subscribe(topic, unique('g'), 'only', async (message) => {
        if (seqOf(message) === 0 && failures < 2) {
          failures++;
          throw new Error(`deliberate failure ${failures} of message 0`);
        }
      });

      await publishSeqs(topic, [0, 1, 2], () => 'sim-7');

      await waitFor('message 2', () => deliveries.some((d) => d.seq === 2));
      await sleep(quietPeriodMs);
      expect(deliveries.map((d) => d.seq)).toEqual([0, 0, 0, 1, 2]);
    });

    it('stops delivering to a stopped subscriber and hands its partitions to the rest of its group', async () => {
      const topic = unique('takeover');
      const group = unique('g');
      const a = await subscribe(topic, group, 'a');
      await subscribe(topic, group, 'b');
      const keyOf = (seq: number) => `key-${seq % 10}`;
      await publishSeqs(topic, range(0, 40), keyOf);
      await waitFor('the first 40 deliveries', () => deliveries.length >= 40);
      const keysOfA = new Set(deliveries.filter((d) => d.subscriber === 'a').map((d) => d.key));
      expect(keysOfA.size).toBeGreaterThan(0);

      await a.stop();
      await publishSeqs(topic, range(40, 80), keyOf);

      const later = () => deliveries.filter((d) => d.seq >= 40);
      await waitFor('the next 40 deliveries', () => new Set(later().map((d) => d.seq)).size === 40);
      await sleep(quietPeriodMs);
      expect(later().filter((d) => d.subscriber === 'a')).toEqual([]);
      expect(later().some((d) => keysOfA.has(d.key))).toBe(true);
    });

    it('hands a message its stopped subscriber kept failing on to the rest of the group', async () => {
      const topic = unique('poison');
      const group = unique('g');
      const a = await subscribe(topic, group, 'a', async () => {
        throw new Error('deliberate failure: subscriber a cannot handle anything');
      });
      await subscribe(topic, group, 'b');
      await publishSeqs(topic, range(0, 10), (seq) => `key-${seq}`);
      await waitFor('subscriber a to fail', () => deliveries.some((d) => d.subscriber === 'a'));

      await a.stop();

      const handledByB = () => new Set(deliveries.filter((d) => d.subscriber === 'b').map((d) => d.seq));
      await waitFor('subscriber b to handle all 10 messages', () => handledByB().size === 10);
    });

    it('skips and reports a message that cannot be decoded, then handles the next messages of its key', async () => {
      const topic = unique('undecodable');
      const decodeSeq = (bytes: Uint8Array) => {
        const text = decoder.decode(bytes);
        if (!/^\d+$/.test(text)) throw new SyntaxError(`"${text}" is not a sequence number`);
        return Number(text);
      };
      const handled: number[] = [];
      let calls = 0;
      await bus.subscribe({ topic, group: unique('g') }, async (message) => {
        calls++;
        handled.push(decodeOrSkip('sequence number', message.value, decodeSeq));
      });

      await bus.publish(topic, [
        { key: 'sim-1', value: seqBytes(0) },
        { key: 'sim-1', value: encoder.encode('not a number') },
        { key: 'sim-1', value: seqBytes(2) },
      ]);

      await waitFor('message 2', () => handled.includes(2));
      await sleep(quietPeriodMs);
      expect(handled).toEqual([0, 2]);
      // Tried once, not retried: the handler ran once per message.
      expect(calls).toBe(3);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ skipped: true, attempt: 1, retryInMs: 0, message: { topic, key: 'sim-1' } });
      expect(String(failures[0].error)).toMatch(/UndecodableMessageError: a sequence number of 12 bytes does not decode: "not a number" is not a sequence number/);
    });

    it('reports a failing handler as retried, not skipped', async () => {
      const topic = unique('reported');
      let failed = false;
      await subscribe(topic, unique('g'), 'only', async () => {
        if (!failed) {
          failed = true;
          throw new Error('deliberate failure');
        }
      });
      await publishSeqs(topic, [0], () => 'sim-1');
      await waitFor('the redelivery', () => deliveries.length === 2);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ skipped: false, attempt: 1, message: { topic, key: 'sim-1' } });
      expect(failures[0].retryInMs).toBeGreaterThan(0);
    });

    it('resolves stop() only once the running handler has finished', async () => {
      const topic = unique('stop-waits');
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let finished = false;
      const subscription: Subscription = await subscribe(topic, unique('g'), 'slow', async () => {
        await gate;
        finished = true;
      });
      await publishSeqs(topic, [0], () => 'sim-1');
      await waitFor('the handler to start', () => deliveries.length === 1);

      let stopped = false;
      const stopping = subscription.stop().then(() => (stopped = true));
      await sleep(quietPeriodMs);
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(finished).toBe(true);
    });

    it('treats publishing an empty list as a no-op', async () => {
      const topic = unique('empty');
      await subscribe(topic, unique('g'), 'only');

      await expect(bus.publish(topic, [])).resolves.toBeUndefined();
      await publishSeqs(topic, [7], () => 'sim-1');

      await waitFor('the one real message', () => deliveries.length === 1);
      await sleep(quietPeriodMs);
      expect(deliveries).toEqual([{ subscriber: 'only', key: 'sim-1', seq: 7 }]);
    });

    it('rejects publish and subscribe once closed', async () => {
      await bus.close();
      await expect(bus.publish(unique('closed'), [{ key: 'k', value: seqBytes(1) }])).rejects.toThrow(/closed/);
      await expect(bus.subscribe({ topic: unique('closed'), group: unique('g') }, async () => undefined)).rejects.toThrow(/closed/);
    });
  });
}
