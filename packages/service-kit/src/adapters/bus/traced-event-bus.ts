import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { BusMessage, EventBus, OutgoingMessage, Subscription } from '../../ports/event-bus.port';

const tracer = trace.getTracer('architech.bus');

/**
 * Wraps any event bus with OpenTelemetry: a PRODUCER span per publish whose context travels in the
 * message headers (W3C traceparent, as Kafka headers in the distributed topology), and a CONSUMER
 * span per handled message, continuing the producer's trace. Without a started SDK the API is a
 * no-op, so the wrapper costs next to nothing when telemetry is off.
 */
export class TracedEventBus implements EventBus {
  constructor(private readonly inner: EventBus) {}

  publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    return tracer.startActiveSpan(`${topic} publish`, { kind: SpanKind.PRODUCER, attributes: { 'messaging.destination.name': topic, 'messaging.batch.message_count': messages.length } }, (span) =>
      endingSpan(span, () => {
        const carrier: Record<string, string> = {};
        propagation.inject(context.active(), carrier);
        return this.inner.publish(topic, messages.map((m) => ({ ...m, headers: { ...carrier, ...m.headers } })));
      }),
    );
  }

  subscribe(options: { topic: string; group: string }, handler: (message: BusMessage) => Promise<void>): Promise<Subscription> {
    return this.inner.subscribe(options, (message) => {
      const parent = propagation.extract(context.active(), message.headers);
      return context.with(parent, () =>
        tracer.startActiveSpan(`${message.topic} process`, { kind: SpanKind.CONSUMER, attributes: { 'messaging.destination.name': message.topic, 'messaging.consumer.group.name': options.group, 'messaging.message.id': message.key } }, (span) => endingSpan(span, () => handler(message))),
      );
    });
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Runs `work` inside `span`: a failure is recorded on the span and rethrown; the span always ends. */
async function endingSpan(span: Span, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
