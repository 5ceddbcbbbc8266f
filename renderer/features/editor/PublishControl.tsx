import { useState } from 'react';
import type { AppError } from '../../../shared/ipc/result';
import { isSafeLinkUrl } from '../../../shared/url-policy';
import { invoke } from '../../api/client';

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
}

const NOT_SAVED: AppError = {
  code: 'IO_ERROR',
  message: 'Not published: the latest text could not be saved first. Fix the save problem, then publish again.',
};

/** The Publish button and what became of the last attempt, in plain words. */
export function PublishControl({ draftId, publishedUrl, flush, onOpenSettings }: Props) {
  const [state, setState] = useState<PublishState>(
    publishedUrl ? { kind: 'published', url: publishedUrl } : { kind: 'idle' },
  );

  const publish = async () => {
    setState({ kind: 'publishing' });
    try {
      if (!(await flush())) {
        setState({ kind: 'failed', error: NOT_SAVED });
        return;
      }
      const result = await invoke('publishing.publish', { draftId });
      setState(result.ok ? { kind: 'published', url: result.value.url } : { kind: 'failed', error: result.error });
    } catch (error) {
      const message = error instanceof Error ? error.message : 'Publishing failed. Please try again.';
      setState({ kind: 'failed', error: { code: 'INTERNAL', message } });
    }
  };

  return (
    <>
      <button type="button" className="primary publish-button" onClick={() => void publish()} disabled={state.kind === 'publishing'}>
        Publish
      </button>
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
