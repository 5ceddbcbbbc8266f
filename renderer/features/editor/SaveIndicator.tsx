import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { ValueStore } from '../../lib/value-store';
import type { SaveState } from './autosave';
import { saveStatusText } from './save-status';

/**
 * Announced politely: screen readers hear "Saving…" and "Saved 10:42" without being interrupted.
 * A failure also offers Retry, because autosave never retries on its own after an error.
 *
 * The status changes while the journalist types ("Unsaved changes", "Saving…", "Saved 10:42"),
 * so its text and class are written straight into the DOM from the store; React renders again
 * only when the Retry button comes or goes.
 */
export function SaveIndicator({ status, onRetry }: { status: ValueStore<SaveState>; onRetry: () => void }) {
  const failed = useSyncExternalStore(status.subscribe, () => status.get().kind === 'failed');
  const box = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLSpanElement>(null);

  useLayoutEffect(() => {
    const show = () => {
      const state = status.get();
      if (box.current) box.current.className = `save-indicator save-${state.kind}`;
      if (text.current) text.current.textContent = saveStatusText(state);
    };
    show();
    return status.subscribe(show);
  }, [status]);

  return (
    <div ref={box} className="save-indicator">
      <span ref={text} aria-live="polite" role="status" />
      {failed && (
        <button type="button" className="link-button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
