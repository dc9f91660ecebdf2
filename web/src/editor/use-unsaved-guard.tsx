import { useEffect, useRef } from 'react';
import { setNavigationGuard } from '../app/router';
import type { useConfirm } from '../ui/confirm';
import { removeDraft } from './local-draft';

/** What {@link useUnsavedGuard} needs from the editor page. */
export interface UnsavedGuardOptions {
  readonly dirty: boolean;
  readonly readOnly: boolean;
  /** The design's name and version the question names. */
  readonly docName: string;
  readonly baseId: string | undefined;
  readonly baseVersion: number | undefined;
  /** The local draft (`useLocalDraft`): written at once when the user leaves. */
  readonly draft: { flush(): void };
  readonly confirm: ReturnType<typeof useConfirm<'stay' | 'leave' | 'discard'>>;
  readonly save: () => Promise<void>;
}

/**
 * Keeps unsaved edits from being lost: every in-app navigation (links, breadcrumbs, Back/Forward)
 * asks first while edits are unsaved — leave keeping a local draft, discard, or stay; closing the
 * tab writes the draft and lets the browser ask; Ctrl/Cmd+S saves wherever the focus is.
 */
export function useUnsavedGuard({ dirty, readOnly, docName, baseId, baseVersion, draft, confirm, save }: UnsavedGuardOptions): void {
  const askToLeave = useRef<() => Promise<boolean>>(async () => true);
  askToLeave.current = async () => {
    const answer = await confirm.ask({
      title: 'Leave with unsaved changes?',
      body: (
        <p>
          Your changes to “{docName}” are not saved as a version. If you leave, they are kept as a draft in this browser and offered again when you open v{baseVersion} here.
        </p>
      ),
      choices: [
        { value: 'stay', label: 'Stay and keep editing', tone: 'primary' },
        { value: 'leave', label: 'Leave, keep the draft' },
        { value: 'discard', label: 'Discard changes and leave', tone: 'danger' },
      ],
    });
    if (answer === 'leave') draft.flush();
    if (answer === 'discard' && baseId) removeDraft(baseId);
    return answer === 'leave' || answer === 'discard';
  };

  const guarded = dirty && !readOnly;
  useEffect(() => {
    if (!guarded) return;
    return setNavigationGuard({
      blocks: () => true,
      confirm: (proceed) => void askToLeave.current().then((leave) => leave && proceed()),
    });
  }, [guarded]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (!readOnly && dirty) void save();
      }
    };
    const onUnload = (event: BeforeUnloadEvent) => {
      if (!dirty) return;
      draft.flush();
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [dirty, readOnly, save, draft]);
}
