import { useId, type ReactNode } from 'react';
import { hasIssues, type FieldIssues } from './field-issues';
import { plainMessage } from './plain-issues';

/** The attributes a field's control needs to be tied to its label, hint and messages. */
export interface ControlAttributes {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
}

/** Props of {@link FieldFrame}. */
export interface FieldFrameProps {
  /** The visible label, units included: `Timeout (ms)`. */
  readonly label: string;
  /** Keeps the label for screen readers only (cells of the points table, whose column says it). */
  readonly hideLabel?: boolean;
  /** What an empty field means, e.g. `Default 1` or `Empty: unbounded`. */
  readonly hint?: string;
  /** Validation problems of exactly this field's path. */
  readonly issues: FieldIssues;
  /** A problem found before dispatching (a number that does not parse). */
  readonly localError?: string;
  readonly className?: string;
  readonly children: (control: ControlAttributes) => ReactNode;
}

/**
 * Label, control, hint and validation messages of one field, wired for assistive technology: the
 * control is labelled by the `<label>`, described by the hint and the messages, and `aria-invalid`
 * while it has an error.
 */
export function FieldFrame({ label, hideLabel, hint, issues, localError, className, children }: FieldFrameProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const messagesId = `${id}-messages`;
  const hasMessages = localError !== undefined || hasIssues(issues);
  const describedBy = [hint ? hintId : undefined, hasMessages ? messagesId : undefined].filter(Boolean).join(' ');
  return (
    <div className={`prop-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      {children({ id, 'aria-invalid': localError !== undefined || issues.errors.length > 0, 'aria-describedby': describedBy || undefined })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <FieldMessages id={messagesId} issues={issues} localError={localError} />
    </div>
  );
}

/** Props of {@link FieldMessages}. */
export interface FieldMessagesProps {
  readonly id?: string;
  readonly issues: FieldIssues;
  readonly localError?: string;
}

/**
 * Validation messages, errors first, in the API's own words (they come from the same
 * `validateDesign`). A local error is announced at once: it appears when a value was refused.
 */
export function FieldMessages({ id, issues, localError }: FieldMessagesProps) {
  if (localError === undefined && !hasIssues(issues)) return null;
  return (
    <div id={id} className="prop-messages">
      {localError !== undefined && (
        <p className="field-error" role="alert">
          {localError}
        </p>
      )}
      {issues.errors.map((issue, index) => (
        <p key={`e${index}`} className="field-error">
          {plainMessage(issue.message)}
        </p>
      ))}
      {issues.warnings.map((issue, index) => (
        <p key={`w${index}`} className="field-warning">
          {plainMessage(issue.message)}
        </p>
      ))}
    </div>
  );
}
