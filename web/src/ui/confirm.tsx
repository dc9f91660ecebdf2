import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Modal } from './modal';

/** One choice of a {@link useConfirm} question. */
export interface ConfirmChoice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly tone?: 'primary' | 'danger';
}

/** What a {@link useConfirm} question shows. */
export interface ConfirmQuestion<T extends string> {
  readonly title: string;
  readonly body: ReactNode;
  /** The answers, the first one focused; Escape answers `undefined` (the same as staying). */
  readonly choices: readonly ConfirmChoice<T>[];
}

/**
 * A styled confirmation in place of `window.confirm`: `ask(question)` opens it and resolves with
 * the chosen value, or undefined when it was dismissed. Render `dialog` once in the page.
 */
export function useConfirm<T extends string = 'yes'>() {
  const [question, setQuestion] = useState<ConfirmQuestion<T>>();
  const resolver = useRef<((answer: T | undefined) => void) | undefined>(undefined);
  const answer = useCallback((value: T | undefined) => {
    resolver.current?.(value);
    resolver.current = undefined;
    setQuestion(undefined);
  }, []);
  const ask = useCallback((next: ConfirmQuestion<T>) => {
    resolver.current?.(undefined);
    setQuestion(next);
    return new Promise<T | undefined>((resolve) => (resolver.current = resolve));
  }, []);
  const dialog = (
    <Modal title={question?.title ?? ''} open={question !== undefined} onClose={() => answer(undefined)}>
      {question && (
        <>
          <div>{question.body}</div>
          <div className="row modal-actions">
            <span className="spacer" />
            {question.choices.map((choice, index) => (
              <button key={choice.value} className={choice.tone ?? ''} autoFocus={index === 0} onClick={() => answer(choice.value)}>
                {choice.label}
              </button>
            ))}
          </div>
        </>
      )}
    </Modal>
  );
  return { ask, dialog };
}
