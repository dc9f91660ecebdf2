import { useState, type ChangeEvent, type KeyboardEvent } from 'react';

/** Props to spread on the `<input>` or `<textarea>` a draft drives. */
export interface DraftBindings {
  readonly value: string;
  readonly onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  readonly onBlur: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
}

/**
 * Text being typed into a field, held locally until it is committed — on blur or Enter
 * (Ctrl/Cmd+Enter in a multi-line field) — so a whole edit is one `dispatch`, hence one undo
 * step, and validation and the preview run once per edit instead of once per keystroke. Ctrl/Cmd+S
 * commits too, before the save shortcut runs. Escape puts the committed text back. `commit` returns false to refuse a draft (a number that does not
 * parse), which then stays in the field for the user to correct. While nothing is being typed the
 * field shows `committed`, so undo and edits elsewhere show up at once.
 */
export function useDraft(committed: string, commit: (text: string) => boolean, options: { readonly multiline?: boolean } = {}) {
  const [draft, setDraft] = useState<string>();
  const finish = () => {
    if (draft === undefined) return;
    if (draft === committed || commit(draft)) setDraft(undefined);
  };
  const bindings: DraftBindings = {
    value: draft ?? committed,
    onChange: (event) => setDraft(event.target.value),
    onBlur: finish,
    onKeyDown: (event) => {
      if (event.key === 'Enter' && (!options.multiline || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        finish();
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        // Commit before the page's save shortcut sees the key, so a save never misses this edit.
        finish();
      } else if (event.key === 'Escape' && draft !== undefined) {
        // Escape belongs to the field while it holds a draft, not to the canvas (deselect).
        event.stopPropagation();
        setDraft(undefined);
      }
    },
  };
  return { bindings, editing: draft !== undefined, reset: () => setDraft(undefined) };
}
