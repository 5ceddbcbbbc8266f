import type { SaveState } from './autosave';
import { saveStatusText } from './save-status';

/**
 * Announced politely: screen readers hear "Saving…" and "Saved 10:42" without being interrupted.
 * A failure also offers Retry, because autosave never retries on its own after an error.
 */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <div className={`save-indicator save-${state.kind}`}>
      <span aria-live="polite" role="status">
        {saveStatusText(state)}
      </span>
      {state.kind === 'failed' && (
        <button type="button" className="link-button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
