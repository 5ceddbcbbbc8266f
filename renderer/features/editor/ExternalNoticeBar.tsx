import type { ExternalNotice } from './useExternalChanges';

/** What happened when the draft's file changed elsewhere, in plain words, with the way to the kept copy. */
export function ExternalNoticeBar({ notice, onOpenCopy, onDismiss }: { notice: ExternalNotice; onOpenCopy: (id: string) => void; onDismiss: () => void }) {
  if (notice.kind === 'failed') {
    return (
      <div role="alert" className="external-notice error-text">
        <p>{notice.message}</p>
      </div>
    );
  }
  return (
    <div role="status" className="external-notice">
      {notice.kind === 'updated' ? (
        <p>Updated from disk: someone else changed this draft.</p>
      ) : (
        <p>
          Someone else changed this draft while you were editing it. Their version is shown here; your edits were kept as a new draft, “
          {notice.copyHeadline}”.{' '}
          <button type="button" onClick={() => onOpenCopy(notice.copyId)}>
            Open your copy
          </button>
        </p>
      )}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
