import type { AppError } from '../../../shared/ipc/result';
import type { LiveStatus } from '../../../shared/model/publishing';
import { type Outcome, badgeText } from './outcome';
import { LiveLink } from './PublishLogList';

interface Clock {
  now: Date;
  timeZone: string;
}

/** Where the story stands on the chosen profile, with its live address. */
export function LiveBadge({ live, clock }: { live: LiveStatus | undefined; clock: Clock }) {
  const state = live?.state ?? 'not-published';
  return (
    <p className="live-badge" role="status" aria-label="Live status" data-state={state}>
      <span className="badge">{badgeText(live, clock)}</span>
      {live?.url && state !== 'unpublished' && state !== 'not-published' && <LiveLink url={live.url} />}
    </p>
  );
}

interface OutcomeProps {
  outcome: Outcome | null;
  error: AppError | null;
  notice: string | null;
  /** A conflict is answered with Compare, not by sending the same update again. */
  conflict: boolean;
  onRetry: (retry: NonNullable<Outcome['retry']>) => void;
  onOpenSettings: () => void;
}

const SETTINGS_CODES = new Set(['NOT_CONFIGURED', 'AUTH_FAILED', 'FORBIDDEN']);

/** What became of the last action, or why it was refused. */
export function OutcomeLine({ outcome, error, notice, conflict, onRetry, onOpenSettings }: OutcomeProps) {
  return (
    <div className="publish-status">
      {error ? (
        <>
          <p role="alert" className="error-text">
            {error.message}
          </p>
          {SETTINGS_CODES.has(error.code) && (
            <button type="button" onClick={onOpenSettings}>
              Open Settings
            </button>
          )}
        </>
      ) : (
        outcome && (
          <>
            <p role={outcome.tone === 'alert' ? 'alert' : 'status'} className={outcome.tone === 'alert' ? 'error-text' : undefined}>
              {outcome.text}
              {outcome.url && (
                <>
                  {' '}
                  <LiveLink url={outcome.url} />
                </>
              )}
            </p>
            {outcome.retry && !conflict && (
              <button type="button" onClick={() => outcome.retry && onRetry(outcome.retry)}>
                Try again
              </button>
            )}
          </>
        )
      )}
      {notice && <p role="status">{notice}</p>}
    </div>
  );
}
