import { useState } from 'react';
import { parentAndKey, useElementEditor } from './element-editor';
import { FieldFrame } from './field-frame';
import { issuesAt, propertyIssuePath, type PathKey } from './field-issues';
import { formatNumberInput, parseNumberInput } from './parse-number';
import { useDraft } from './use-draft';

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  /** Label with units: `Timeout (ms)`, `Rate (req/s)`, `Error rate (0–1)`. */
  readonly label: string;
  /** Where the value sits in the element's properties, e.g. `['retry', 'baseMs']`; names its validation issues. */
  readonly path: readonly PathKey[];
  readonly value: number | undefined;
  /** Always shown: what the value means, when the label cannot say it. */
  readonly hint?: string;
  /** Shown while the field is empty: the default, or what empty means. */
  readonly emptyHint?: string;
  /** Greyed-in value of an empty field, usually the default. */
  readonly placeholder?: string;
  /** Empty is refused instead of removing the property (a value the schema requires, with no default). */
  readonly required?: boolean;
  readonly hideLabel?: boolean;
  /** Writes the value; by default merges `{ [last key]: value }` at the path's parent. Required when the path holds an index. */
  readonly onCommit?: (value: number | undefined) => string | undefined | void;
}

/**
 * A numeric property. The text is parsed on commit (blur or Enter, see `useDraft`): a number the
 * design accepts is dispatched; one out of range (or not a whole number where one is needed) stays
 * in the field with the reason in plain words ("Must be between 0 and 1") and the design keeps its
 * last valid value; an empty field removes the property (its default applies) unless `required`.
 */
export function NumberField({ label, path, value, hint, emptyHint, placeholder, required, hideLabel, onCommit }: NumberFieldProps) {
  const editor = useElementEditor();
  const [localError, setLocalError] = useState<string>();
  const write =
    onCommit ??
    ((next: number | undefined) => {
      const { parent, key } = parentAndKey(path.map(String));
      return editor.update(parent, { [key]: next });
    });
  const draft = useDraft(formatNumberInput(value), (text) => {
    const parsed = parseNumberInput(text);
    if (!parsed.ok) return refuse(parsed.message);
    if (parsed.value === undefined && required) return refuse(`${label.replace(/\s*\(.*\)$/, '')} is required`);
    setLocalError(undefined);
    if (parsed.value !== value) {
      const refusal = write(parsed.value);
      if (typeof refusal === 'string') return refuse(refusal);
    }
    return true;
  });
  function refuse(message: string): boolean {
    setLocalError(message);
    return false;
  }
  const empty = draft.bindings.value.trim() === '';
  return (
    <FieldFrame
      label={label}
      hideLabel={hideLabel}
      hint={empty && emptyHint !== undefined ? emptyHint : hint}
      issues={issuesAt(editor.issues, propertyIssuePath(editor.prefix, path))}
      localError={draft.editing ? localError : undefined}
    >
      {(control) => (
        <input
          {...control}
          {...draft.bindings}
          onChange={(event) => {
            setLocalError(undefined);
            draft.bindings.onChange(event);
          }}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          readOnly={editor.readOnly}
          required={required}
        />
      )}
    </FieldFrame>
  );
}
