import { DEFAULTS } from '@architech/contracts';
import { SelectField } from './choice-fields';
import { DistributionField } from './distribution-field';
import { NumberField } from './number-field';
import { numberAt, stringAt, type Fields } from './read-properties';
import { CircuitBreakerSection, RetrySection } from './resilience-sections';

/** Props of {@link LoadBalancerSection}. */
export interface LoadBalancerSectionProps {
  readonly properties: Fields;
}

/**
 * A LOAD_BALANCER: its strategy, an optional per-call delay (it never queues), and the timeout,
 * retry and breaker its callers apply to it (docs/engine.md §2–3).
 */
export function LoadBalancerSection({ properties }: LoadBalancerSectionProps) {
  return (
    <>
      <SelectField
        label="Strategy"
        path={['strategy']}
        value={stringAt(properties, 'strategy')}
        emptyHint={`Default: ${DEFAULTS.loadBalancer.strategy.replace('_', ' ')}`}
        choices={[
          { value: 'round_robin', label: 'Round robin (by weight)' },
          { value: 'random', label: 'Random (by weight)' },
          { value: 'least_connections', label: 'Least connections' },
        ]}
      />
      <DistributionField label="Service time" owner={properties} path={['serviceTime']} noneLabel="None: forwards at once" />
      <NumberField
        label="Timeout (ms)"
        path={['timeoutMs']}
        value={numberAt(properties, 'timeoutMs')}
        placeholder="none"
        emptyHint="Empty: callers wait as long as it takes"
      />
      <RetrySection properties={properties} />
      <CircuitBreakerSection properties={properties} />
    </>
  );
}
