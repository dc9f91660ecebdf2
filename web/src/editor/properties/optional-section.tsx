import { useId, type ReactNode } from 'react';
import { useElementEditor } from './element-editor';
import { FieldMessages } from './field-frame';
import { issuesAt, propertyIssuePath } from './field-issues';

/** Props of {@link OptionalSection}. */
export interface OptionalSectionProps {
  /** The section's name, e.g. `Retry`. */
  readonly title: string;
  /** The property it switches, e.g. `retry`. */
  readonly property: string;
  readonly enabled: boolean;
  /** What the setting does, shown while it is off. */
  readonly description: string;
  /** The object the property gets when switched on. */
  readonly initial: () => Readonly<Record<string, unknown>>;
  readonly children: ReactNode;
}

/**
 * An optional property object (retry, circuit breaker, autoscaling) as a fieldset whose legend is a
 * checkbox: on sets `initial()`, off removes the property — each one undo step, so switching a
 * policy off and undoing brings its settings back. Problems with the object as a whole (an unknown
 * key, a missing required field) show under the legend.
 */
export function OptionalSection({ title, property, enabled, description, initial, children }: OptionalSectionProps) {
  const editor = useElementEditor();
  const id = useId();
  const issues = issuesAt(editor.issues, propertyIssuePath(editor.prefix, [property]));
  return (
    <fieldset className={`prop-group prop-optional${enabled ? ' on' : ''}`}>
      <legend>
        <label className="toggle">
          <input
            type="checkbox"
            checked={enabled}
            disabled={editor.readOnly}
            aria-describedby={enabled ? undefined : `${id}-description`}
            onChange={(event) => editor.update([], { [property]: event.target.checked ? initial() : undefined })}
          />
          {title}
        </label>
      </legend>
      {!enabled && (
        <p id={`${id}-description`} className="field-hint">
          {description}
        </p>
      )}
      <FieldMessages issues={issues} />
      {enabled && children}
    </fieldset>
  );
}
