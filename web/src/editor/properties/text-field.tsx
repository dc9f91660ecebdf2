import { FieldFrame } from './field-frame';
import type { FieldIssues } from './field-issues';
import { useDraft } from './use-draft';

/** Props of {@link TextField}. */
export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly issues: FieldIssues;
  /** Writes the committed text (the command trims it). */
  readonly onCommit: (text: string) => void;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly multiline?: boolean;
  readonly maxLength?: number;
  readonly readOnly?: boolean;
}

/**
 * A name or description, committed on blur or Enter (Ctrl/Cmd+Enter when multi-line) as one
 * command; Escape puts the saved text back.
 */
export function TextField({ label, value, issues, onCommit, hint, placeholder, multiline, maxLength, readOnly }: TextFieldProps) {
  const draft = useDraft(
    value,
    (text) => {
      onCommit(text);
      return true;
    },
    { multiline },
  );
  return (
    <FieldFrame label={label} hint={hint} issues={issues}>
      {(control) =>
        multiline ? (
          <textarea {...control} {...draft.bindings} rows={3} placeholder={placeholder} maxLength={maxLength} readOnly={readOnly} />
        ) : (
          <input {...control} {...draft.bindings} type="text" placeholder={placeholder} maxLength={maxLength} readOnly={readOnly} />
        )
      }
    </FieldFrame>
  );
}
