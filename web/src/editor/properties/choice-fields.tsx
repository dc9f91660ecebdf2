import { useId } from 'react';
import { parentAndKey, useElementEditor } from './element-editor';
import { FieldFrame, FieldMessages } from './field-frame';
import { hasIssues, issuesAt, propertyIssuePath } from './field-issues';

/** One option of a {@link SelectField}. */
export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
}

/** Props of {@link SelectField}. */
export interface SelectFieldProps<T extends string> {
  readonly label: string;
  /** Where the value sits in the element's properties; names its validation issues. */
  readonly path: readonly string[];
  readonly value: string | undefined;
  readonly choices: readonly Choice<T>[];
  /** Shown while the value is unset: what that means, e.g. `Default: round robin`. */
  readonly emptyHint?: string;
  /** Writes the choice; by default merges `{ [last key]: value }` at the path's parent. */
  readonly onCommit?: (value: T) => void;
}

/**
 * A property with a fixed set of values. A choice is a discrete edit, so it is dispatched at once:
 * one undo step per change. A value the list does not know (from an imported file) is shown as is.
 */
export function SelectField<T extends string>({ label, path, value, choices, emptyHint, onCommit }: SelectFieldProps<T>) {
  const editor = useElementEditor();
  const known = value === undefined || choices.some((c) => c.value === value);
  const write =
    onCommit ??
    ((next: T) => {
      const { parent, key } = parentAndKey(path);
      editor.update(parent, { [key]: next });
    });
  return (
    <FieldFrame label={label} hint={value === undefined ? emptyHint : undefined} issues={issuesAt(editor.issues, propertyIssuePath(editor.prefix, path))}>
      {(control) => (
        <select {...control} value={value ?? ''} disabled={editor.readOnly} onChange={(event) => write(event.target.value as T)}>
          {value === undefined && <option value="">—</option>}
          {!known && <option value={value}>{value}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** Props of {@link CheckboxField}. */
export interface CheckboxFieldProps {
  readonly label: string;
  readonly path: readonly string[];
  readonly value: boolean | undefined;
  /** The schema default, shown while the property is unset. */
  readonly defaultValue: boolean;
  readonly hint?: string;
}

/** A boolean property, dispatched on every toggle (one undo step each). */
export function CheckboxField({ label, path, value, defaultValue, hint }: CheckboxFieldProps) {
  const editor = useElementEditor();
  const id = useId();
  const issues = issuesAt(editor.issues, propertyIssuePath(editor.prefix, path));
  const { parent, key } = parentAndKey(path);
  const describedBy = [hint ? `${id}-hint` : undefined, hasIssues(issues) ? `${id}-messages` : undefined].filter(Boolean).join(' ');
  return (
    <div className="prop-field prop-check">
      <label className="toggle">
        <input
          type="checkbox"
          checked={value ?? defaultValue}
          disabled={editor.readOnly}
          aria-invalid={issues.errors.length > 0}
          aria-describedby={describedBy || undefined}
          onChange={(event) => editor.update(parent, { [key]: event.target.checked })}
        />
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldMessages id={`${id}-messages`} issues={issues} />
    </div>
  );
}
