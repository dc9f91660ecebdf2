import { DEFAULTS, LIMITS } from '@architech/contracts';
import { NumberField } from './number-field';
import { numberAt, type Fields } from './read-properties';

/** Props of {@link QueueSection}. */
export interface QueueSectionProps {
  readonly properties: Fields;
}

/**
 * A QUEUE: asynchronous hand-off to its consumers (its downstream components). Producers are
 * answered on enqueue; the backlog, redeliveries and consumer concurrency are set here
 * (docs/engine.md §2).
 */
export function QueueSection({ properties }: QueueSectionProps) {
  return (
    <>
      <p className="field-hint">Producers are answered as soon as a message is stored; consumers are the components it connects to.</p>
      <NumberField
        label="Capacity (messages)"
        path={['capacity']}
        value={numberAt(properties, 'capacity')}
        placeholder="unbounded"
        emptyHint="Empty: unbounded. Messages beyond it are dropped."
      />
      <NumberField
        label="Max deliveries (per message)"
        path={['maxDeliveries']}
        value={numberAt(properties, 'maxDeliveries')}
        placeholder={String(DEFAULTS.queue.maxDeliveries)}
        emptyHint={`Default ${DEFAULTS.queue.maxDeliveries} (max ${LIMITS.maxRetryAttempts}); then the message is dead-lettered`}
      />
      <NumberField
        label="Consumer concurrency (deliveries)"
        path={['consumerConcurrency']}
        value={numberAt(properties, 'consumerConcurrency')}
        placeholder="consumer's workers"
        emptyHint="Empty: each consumer's replicas × workers. Outstanding deliveries per consumer."
      />
    </>
  );
}
