import type { StatusChange } from '../../../../shared/model/review';
import { STATUS_LABELS } from '../../../../shared/model/review';
import { formatLocal } from '../../publishing/time-format';

/** "Filed by Ana Ruiz, 29 Nov 2026, 10:42 — ready for the desk", newest first. */
export function signOffText(change: StatusChange): string {
  const line = `${STATUS_LABELS[change.to]} by ${change.by.name}, ${formatLocal(change.by.at)}`;
  return change.note === undefined ? line : `${line} — ${change.note}`;
}

export function StatusTrail({ trail }: { trail: readonly StatusChange[] }) {
  if (trail.length === 0) return <p className="status-trail-empty">No sign-offs yet.</p>;
  return (
    <ol className="status-trail" aria-label="Sign-offs">
      {trail.toReversed().map((change, index) => (
        <li key={`${change.by.at}-${index}`}>{signOffText(change)}</li>
      ))}
    </ol>
  );
}
