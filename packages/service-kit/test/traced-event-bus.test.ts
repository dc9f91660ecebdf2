import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { InProcessEventBus } from '../src/adapters/bus/in-process-event-bus';
import { TracedEventBus } from '../src/adapters/bus/traced-event-bus';

describe('the traced event bus', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
  });

  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('carries the trace context in the headers and continues the trace in the consumer', async () => {
    const bus = new TracedEventBus(new InProcessEventBus());
    let resolveHeaders!: (h: Record<string, string>) => void;
    const received = new Promise<Record<string, string>>((resolve) => (resolveHeaders = resolve));
    await bus.subscribe({ topic: 't', group: 'g' }, async (message) => resolveHeaders(message.headers));
    await trace.getTracer('test').startActiveSpan('request', async (span) => {
      await bus.publish('t', [{ key: 'k', value: new Uint8Array([1]) }]);
      span.end();
    });
    const headers = await received;
    await bus.close();
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const spans = exporter.getFinishedSpans();
    const request = spans.find((s) => s.name === 'request')!;
    const producer = spans.find((s) => s.name === 't publish')!;
    const consumer = await (async () => {
      for (let i = 0; i < 50; i++) {
        const found = exporter.getFinishedSpans().find((s) => s.name === 't process');
        if (found) return found;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error('no consumer span');
    })();
    expect(producer.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(consumer.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(consumer.parentSpanContext?.spanId ?? (consumer as unknown as { parentSpanId?: string }).parentSpanId).toBe(producer.spanContext().spanId);
  });
});
