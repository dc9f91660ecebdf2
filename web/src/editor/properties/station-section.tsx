import { DEFAULTS, LIMITS } from '@architech/contracts';
import { CheckboxField, SelectField } from './choice-fields';
import { DistributionField } from './distribution-field';
import { NumberField } from './number-field';
import { booleanAt, fieldsAt, numberAt, stringAt, type Fields } from './read-properties';
import { AutoscalingSection, CircuitBreakerSection, RetrySection } from './resilience-sections';

/** Props of {@link StationSection}. */
export interface StationSectionProps {
  readonly properties: Fields;
  /** A CACHE adds its hit ratio. */
  readonly cache: boolean;
  /** Switches `fanOut` (with the connection fields the new mode does not read removed, one undo step). */
  readonly onFanOut: (mode: 'one' | 'all') => void;
}

const CALL_MODES = [
  { value: 'one', label: 'One downstream, picked by weight' },
  { value: 'all', label: 'All downstreams, in stages' },
] as const;

/**
 * The properties of a queueing station — SERVICE, DATABASE or CACHE (docs/engine.md §2–3):
 * capacity, service time, queue, timeout, errors, blocking calls and the optional resilience
 * policies.
 */
export function StationSection({ properties, cache, onFanOut }: StationSectionProps) {
  const autoscaled = fieldsAt(properties, 'autoscaling') !== undefined;
  const fanOut = stringAt(properties, 'fanOut');
  return (
    <>
      <SelectField
        label={cache ? 'Calls (on a miss)' : 'Calls'}
        path={['fanOut']}
        value={fanOut}
        choices={CALL_MODES}
        emptyHint="Default: one downstream per request, picked by the connections' weights"
        onCommit={onFanOut}
      />
      {fanOut === 'all' && (
        <p className="field-hint">
          Every request calls each downstream connection: the same stage in parallel, the next stage when the previous one has settled. Set stage,
          probability and optional on the connections.
        </p>
      )}
      {cache && (
        <NumberField
          label="Hit ratio (0–1)"
          path={['hitRatio']}
          value={numberAt(properties, 'hitRatio')}
          required
          hint="Share of calls answered without calling downstream"
        />
      )}
      <fieldset className="prop-group">
        <legend>Capacity</legend>
        <div className="prop-pair">
          <NumberField
            label={autoscaled ? 'Replicas at start' : 'Replicas'}
            path={['replicas']}
            value={numberAt(properties, 'replicas')}
            placeholder={String(DEFAULTS.station.replicas)}
            emptyHint={`Default ${DEFAULTS.station.replicas} (max ${LIMITS.maxReplicas})`}
          />
          <NumberField
            label="Workers per replica"
            path={['workers']}
            value={numberAt(properties, 'workers')}
            placeholder={String(DEFAULTS.station.workers)}
            emptyHint={`Default ${DEFAULTS.station.workers}: concurrent calls per replica`}
          />
        </div>
        <NumberField
          label="Queue capacity (calls per replica)"
          path={['queueCapacity']}
          value={numberAt(properties, 'queueCapacity')}
          placeholder="unbounded"
          emptyHint="Empty: unbounded. Waiting places beyond the workers; a call arriving to a full queue is dropped."
        />
      </fieldset>
      <DistributionField label="Service time" owner={properties} path={['serviceTime']} />
      <fieldset className="prop-group">
        <legend>Failures</legend>
        <NumberField
          label="Timeout (ms)"
          path={['timeoutMs']}
          value={numberAt(properties, 'timeoutMs')}
          placeholder="none"
          emptyHint="Empty: callers wait as long as it takes"
        />
        <NumberField
          label="Error rate (0–1)"
          path={['errorRate']}
          value={numberAt(properties, 'errorRate')}
          placeholder={String(DEFAULTS.station.errorRate)}
          emptyHint={`Default ${DEFAULTS.station.errorRate}: share of calls failing here`}
        />
        <CheckboxField
          label="Blocking calls (hold the worker during downstream calls)"
          path={['blockingCalls']}
          value={booleanAt(properties, 'blockingCalls')}
          defaultValue={DEFAULTS.station.blockingCalls}
          hint="Thread-per-request: a slow dependency exhausts this component's workers."
        />
      </fieldset>
      <RetrySection properties={properties} />
      <CircuitBreakerSection properties={properties} />
      <AutoscalingSection properties={properties} />
    </>
  );
}
