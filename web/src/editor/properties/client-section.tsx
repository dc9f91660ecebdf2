import type { ArrivalProfile } from '@architech/contracts';
import { useElementEditor } from './element-editor';
import { SelectField } from './choice-fields';
import { FieldMessages } from './field-frame';
import { issuesAt, propertyIssuePath } from './field-issues';
import { NumberField } from './number-field';
import { ProfileFields } from './profile-fields';
import { fieldsAt, numberAt, stringAt, type Fields } from './read-properties';
import { newProfile, PROFILE_SHAPES } from './section-defaults';

/** Props of {@link ClientSection}. */
export interface ClientSectionProps {
  readonly properties: Fields;
}

const CONSTANT_RATE = 'constant-rate';

/**
 * A CLIENT's `arrival`: the process, the base rate and an optional profile varying the rate over
 * simulated time (docs/engine.md §2). Choosing a profile shape starts it from the base rate
 * (`newProfile`); "constant rate" removes it.
 */
export function ClientSection({ properties }: ClientSectionProps) {
  const editor = useElementEditor();
  const arrival = fieldsAt(properties, 'arrival');
  const rate = numberAt(arrival, 'ratePerSec');
  const profile = fieldsAt(arrival, 'profile');
  const shape = stringAt(profile, 'shape');
  return (
    <fieldset className="prop-group">
      <legend>Arrivals</legend>
      <FieldMessages issues={issuesAt(editor.issues, propertyIssuePath(editor.prefix, ['arrival']))} />
      <SelectField
        label="Process"
        path={['arrival', 'process']}
        value={stringAt(arrival, 'process')}
        emptyHint="Required"
        choices={[
          { value: 'poisson', label: 'Poisson (random gaps)' },
          { value: 'constant', label: 'Constant (even gaps)' },
        ]}
      />
      <NumberField
        label="Rate (req/s)"
        path={['arrival', 'ratePerSec']}
        value={rate}
        required
        hint={shape === 'points' ? 'Base rate: ignored while the rate follows points' : undefined}
      />
      <SelectField
        label="Rate over time"
        path={['arrival', 'profile']}
        value={profile === undefined ? CONSTANT_RATE : shape}
        choices={[{ value: CONSTANT_RATE, label: 'Constant rate' }, ...PROFILE_SHAPES]}
        onCommit={(next) =>
          editor.update(['arrival'], { profile: next === CONSTANT_RATE ? undefined : newProfile(next as ArrivalProfile['shape'], rate) })
        }
      />
      {profile !== undefined && <ProfileFields profile={profile} />}
    </fieldset>
  );
}
