import { useElementEditor } from './element-editor';
import { SelectField } from './choice-fields';
import { DISTRIBUTIONS, switchDistribution, type DistributionName } from './distribution-switch';
import { NumberField } from './number-field';
import { fieldsAt, numberAt, type Fields } from './read-properties';

/** Props of {@link DistributionField}. */
export interface DistributionFieldProps {
  /** What is distributed, e.g. `Service time` or `Latency (one way)`; parameters are in ms. */
  readonly label: string;
  /** The properties object holding the distribution. */
  readonly owner: Fields | undefined;
  /** Where the distribution sits, e.g. `['serviceTime']`. */
  readonly path: readonly string[];
  /** When set, the distribution is optional and this is the label of "none" (e.g. `None: no delay`). */
  readonly noneLabel?: string;
}

const NONE = 'none';

/**
 * A duration distribution: a family picker and that family's parameters in ms. Picking another
 * family replaces the whole object (one undo step) and keeps the mean (`switchDistribution`);
 * picking "none" removes an optional distribution.
 */
export function DistributionField({ label, owner, path, noneLabel }: DistributionFieldProps) {
  const editor = useElementEditor();
  const key = path[path.length - 1]!;
  const parent = path.slice(0, -1);
  const current = fieldsAt(owner, key);
  const dist = current?.dist;
  const choices = noneLabel === undefined ? DISTRIBUTIONS : [{ value: NONE, label: noneLabel }, ...DISTRIBUTIONS];
  const param = (name: string, paramLabel: string, hint?: string) => (
    <NumberField label={`${paramLabel} (ms)`} path={[...path, name]} value={numberAt(current, name)} required hint={hint} />
  );
  return (
    <fieldset className="prop-group">
      <legend>{label}</legend>
      <SelectField
        label="Distribution"
        path={path}
        value={typeof dist === 'string' ? dist : noneLabel === undefined ? undefined : NONE}
        choices={choices}
        emptyHint={noneLabel === undefined ? 'Required' : undefined}
        onCommit={(next) =>
          editor.update(parent, { [key]: next === NONE ? undefined : switchDistribution(current, next as DistributionName) })
        }
      />
      {dist === 'exponential' && param('mean', 'Mean')}
      {dist === 'constant' && param('value', 'Value')}
      {dist === 'uniform' && (
        <div className="prop-pair">
          {param('min', 'Min')}
          {param('max', 'Max')}
        </div>
      )}
      {(dist === 'normal' || dist === 'lognormal') && (
        <div className="prop-pair">
          {param('mean', 'Mean')}
          {param('stddev', 'Std dev', dist === 'normal' ? 'Draws below 0 are redrawn' : undefined)}
        </div>
      )}
    </fieldset>
  );
}
