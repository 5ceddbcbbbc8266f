import { useId, useMemo, useState } from 'react';
import type { AppError } from '../../../shared/ipc/result';
import type { StoryFields } from '../../../shared/model/article';
import { checkReadiness } from '../../../shared/model/readiness';
import { isSafeLinkUrl } from '../../../shared/url-policy';
import { invoke } from '../../api/client';
import type { HouseProfileLoad } from './fields/useHouseProfile';

type PublishState =
  | { kind: 'idle' }
  | { kind: 'publishing' }
  | { kind: 'published'; url: string }
  | { kind: 'failed'; error: AppError };

interface Props {
  draftId: string;
  /** Where the draft was last published, if anywhere. */
  publishedUrl: string | undefined;
  /** Saves pending text first: the main side publishes what is on disk. */
  flush: () => Promise<boolean>;
  onOpenSettings: () => void;
  /** The story fields as they are now: the checklist follows every edit. */
  fields: StoryFields;
  houseProfile: HouseProfileLoad;
  /** The story went out: its slug is fixed from now on. */
  onPublished: (slug: string) => void;
}

const NOT_SAVED: AppError = {
  code: 'IO_ERROR',
  message: 'Not published: the latest text could not be saved first. Fix the save problem, then publish again.',
};

/**
 * The Publish button, the checklist of what the house rules still want ("Before publishing"), and
 * what became of the last attempt, in plain words. The button stays disabled while the checklist
 * has anything on it; the main side checks the same rules again on what it publishes.
 */
export function PublishControl({ draftId, publishedUrl, flush, onOpenSettings, fields, houseProfile, onPublished }: Props) {
  const [state, setState] = useState<PublishState>(
    publishedUrl ? { kind: 'published', url: publishedUrl } : { kind: 'idle' },
  );
  const reasonId = useId();
  const { profile } = houseProfile;
  const problems = useMemo(() => (profile ? checkReadiness(fields, profile) : []), [fields, profile]);
  const blocked = profile === null || problems.length > 0;

  const publish = async () => {
    setState({ kind: 'publishing' });
    try {
      if (!(await flush())) {
        setState({ kind: 'failed', error: NOT_SAVED });
        return;
      }
      const result = await invoke('publishing.publish', { draftId });
      setState(result.ok ? { kind: 'published', url: result.value.url } : { kind: 'failed', error: result.error });
      if (result.ok) onPublished(result.value.slug);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'Publishing failed. Please try again.';
      setState({ kind: 'failed', error: { code: 'INTERNAL', message } });
    }
  };

  return (
    <>
      <button
        type="button"
        className="primary publish-button"
        onClick={() => void publish()}
        disabled={state.kind === 'publishing' || blocked}
        aria-describedby={blocked ? reasonId : undefined}
      >
        Publish
      </button>
      {profile === null ? (
        <p id={reasonId} className="readiness" role="status">
          Checking the house rules…
        </p>
      ) : (
        problems.length > 0 && (
          <div className="readiness">
            <p id={reasonId} className="readiness-title">
              Publishing waits until these are fixed:
            </p>
            <ul aria-label="Before publishing">
              {problems.map((problem) => (
                <li key={`${problem.field}-${problem.kind}`}>{problem.message}</li>
              ))}
            </ul>
          </div>
        )
      )}
      {houseProfile.kind === 'failed' && (
        <p role="alert" className="error-text readiness">
          {houseProfile.message}
        </p>
      )}
      <div className="publish-status">
        {state.kind === 'publishing' && <p role="status">Publishing…</p>}
        {state.kind === 'published' && (
          <p role="status">
            Published:{' '}
            {/* The main process opens target=_blank links in the system browser. */}
            {isSafeLinkUrl(state.url) ? (
              <a href={state.url} target="_blank" rel="noopener noreferrer">
                {state.url}
              </a>
            ) : (
              state.url
            )}
          </p>
        )}
        {state.kind === 'failed' && (
          <>
            <p role="alert" className="error-text">
              {state.error.message}
            </p>
            {state.error.code === 'NOT_CONFIGURED' && (
              <button type="button" onClick={onOpenSettings}>
                Open Settings
              </button>
            )}
          </>
        )}
      </div>
    </>
  );
}
