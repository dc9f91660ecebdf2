import { DEFAULTS, formatDefault, LIMITS } from '@architech/contracts';
import { CheckboxField, SelectField } from './choice-fields';
import { NumberField } from './number-field';
import { OptionalSection } from './optional-section';
import { booleanAt, fieldsAt, numberAt, stringAt, type Fields } from './read-properties';
import { NEW_CIRCUIT_BREAKER, NEW_RETRY, newAutoscaling } from './section-defaults';

/** Props of the resilience sections: the properties object of the component being edited. */
export interface ResilienceSectionProps {
  readonly properties: Fields;
}

/** `retry`: how callers retry a failed call to this component (docs/engine.md §5). */
export function RetrySection({ properties }: ResilienceSectionProps) {
  const retry = fieldsAt(properties, 'retry');
  return (
    <OptionalSection
      title="Retry"
      property="retry"
      enabled={retry !== undefined}
      description="Callers retry failed calls (errors, timeouts, drops, lost messages) to this component."
      initial={() => NEW_RETRY}
    >
      <NumberField
        label="Max attempts (first included)"
        path={['retry', 'maxAttempts']}
        value={numberAt(retry, 'maxAttempts')}
        required
        hint={`1–${LIMITS.maxRetryAttempts}`}
      />
      <SelectField
        label="Backoff"
        path={['retry', 'backoff']}
        value={stringAt(retry, 'backoff')}
        emptyHint={`Default: ${DEFAULTS.retry.backoff}`}
        choices={[
          { value: 'exponential', label: 'Exponential (doubling)' },
          { value: 'constant', label: 'Constant' },
        ]}
      />
      <div className="prop-pair">
        <NumberField label="Base backoff (ms)" path={['retry', 'baseMs']} value={numberAt(retry, 'baseMs')} placeholder={String(DEFAULTS.retry.baseMs)} emptyHint={`Default ${DEFAULTS.retry.baseMs} ms`} />
        <NumberField
          label="Max backoff (ms)"
          path={['retry', 'maxBackoffMs']}
          value={numberAt(retry, 'maxBackoffMs')}
          placeholder={String(DEFAULTS.retry.maxBackoffMs)}
          emptyHint={`Default ${formatDefault(DEFAULTS.retry.maxBackoffMs)} ms`}
        />
      </div>
      <CheckboxField label="Jitter (wait a random share of the backoff)" path={['retry', 'jitter']} value={booleanAt(retry, 'jitter')} defaultValue={DEFAULTS.retry.jitter} />
    </OptionalSection>
  );
}

/** `circuitBreaker`: a count-based breaker in front of this component, shared by all its callers. */
export function CircuitBreakerSection({ properties }: ResilienceSectionProps) {
  const breaker = fieldsAt(properties, 'circuitBreaker');
  return (
    <OptionalSection
      title="Circuit breaker"
      property="circuitBreaker"
      enabled={breaker !== undefined}
      description="Stops sending calls to this component for a while when too many of the recent ones failed."
      initial={() => NEW_CIRCUIT_BREAKER}
    >
      <div className="prop-pair">
        <NumberField
          label="Failure threshold (0–1)"
          path={['circuitBreaker', 'failureThreshold']}
          value={numberAt(breaker, 'failureThreshold')}
          required
          hint="Share of failed calls in the window that opens it"
        />
        <NumberField
          label="Window (calls)"
          path={['circuitBreaker', 'windowSize']}
          value={numberAt(breaker, 'windowSize')}
          required
          hint="Last calls counted"
        />
      </div>
      <div className="prop-pair">
        <NumberField label="Open for (ms)" path={['circuitBreaker', 'openMs']} value={numberAt(breaker, 'openMs')} required />
        <NumberField
          label="Half-open trial calls"
          path={['circuitBreaker', 'halfOpenRequests']}
          value={numberAt(breaker, 'halfOpenRequests')}
          placeholder={String(DEFAULTS.circuitBreaker.halfOpenRequests)}
          emptyHint={`Default ${DEFAULTS.circuitBreaker.halfOpenRequests}`}
        />
      </div>
    </OptionalSection>
  );
}

/** `autoscaling`: replicas follow observed utilisation, the Kubernetes HPA rule (docs/engine.md §6). */
export function AutoscalingSection({ properties }: ResilienceSectionProps) {
  const scaling = fieldsAt(properties, 'autoscaling');
  return (
    <OptionalSection
      title="Autoscaling"
      property="autoscaling"
      enabled={scaling !== undefined}
      description="Adds and removes replicas to keep utilisation near a target."
      initial={() => newAutoscaling(numberAt(properties, 'replicas'))}
    >
      <div className="prop-pair">
        <NumberField label="Min replicas" path={['autoscaling', 'minReplicas']} value={numberAt(scaling, 'minReplicas')} required />
        <NumberField label="Max replicas" path={['autoscaling', 'maxReplicas']} value={numberAt(scaling, 'maxReplicas')} required />
      </div>
      <NumberField
        label="Target utilisation (0–1)"
        path={['autoscaling', 'targetUtilization']}
        value={numberAt(scaling, 'targetUtilization')}
        required
        hint="Busy workers ÷ all workers it aims at"
      />
      <div className="prop-pair">
        <NumberField
          label="Scale-out delay (s)"
          path={['autoscaling', 'scaleOutDelaySec']}
          value={numberAt(scaling, 'scaleOutDelaySec')}
          placeholder={String(DEFAULTS.autoscaling.scaleOutDelaySec)}
          emptyHint={`Default ${DEFAULTS.autoscaling.scaleOutDelaySec} s until a new replica serves`}
        />
        <NumberField
          label="Cooldown (s)"
          path={['autoscaling', 'cooldownSec']}
          value={numberAt(scaling, 'cooldownSec')}
          placeholder={String(DEFAULTS.autoscaling.cooldownSec)}
          emptyHint={`Default ${DEFAULTS.autoscaling.cooldownSec} s after any scaling before a scale-in`}
        />
      </div>
      <NumberField
        label="Evaluation interval (s)"
        path={['autoscaling', 'evaluationIntervalSec']}
        value={numberAt(scaling, 'evaluationIntervalSec')}
        placeholder={String(DEFAULTS.autoscaling.evaluationIntervalSec)}
        emptyHint={`Default ${DEFAULTS.autoscaling.evaluationIntervalSec} s`}
      />
    </OptionalSection>
  );
}
