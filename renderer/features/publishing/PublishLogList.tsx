import type { LogEntry } from '../../../shared/model/publishing';
import { isSafeLinkUrl } from '../../../shared/url-policy';
import { actionInWords, resultInWords } from './outcome';
import { formatLocal } from './time-format';

/** The draft's publish log, newest first, folded away until asked for. */
export function PublishLogList({ entries }: { entries: readonly LogEntry[] }) {
  const newestFirst = [...entries].reverse();
  return (
    <details className="publish-log">
      <summary>Publish log ({entries.length})</summary>
      {newestFirst.length === 0 ? (
        <p>Nothing published yet.</p>
      ) : (
        <ul aria-label="Publish log">
          {newestFirst.map((entry) => (
            <li key={entry.jobId}>
              <time dateTime={entry.finishedAt ?? entry.queuedAt}>{formatLocal(entry.finishedAt ?? entry.queuedAt)}</time>
              {' · '}
              {entry.profileName} · {actionInWords(entry.action)} · {resultInWords(entry)}
              {entry.url && (
                <>
                  {' · '}
                  <LiveLink url={entry.url} />
                </>
              )}
              {entry.correctionNote && <p className="log-note">Correction note: {entry.correctionNote}</p>}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** An address the CMS gave; linked only when it is one the app may open (the shell opens it in the browser). */
export function LiveLink({ url }: { url: string }) {
  return isSafeLinkUrl(url) ? (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {url}
    </a>
  ) : (
    <span className="url-text">{url}</span>
  );
}
