import { useId, useState } from 'react';
import { formatLocal } from '../../publishing/time-format';
import type { Comment, CommentThread } from '../../../../shared/model/review';

export interface ThreadActions {
  canWrite: boolean;
  onShow: (id: string) => void;
  onReply: (id: string, text: string) => void;
  onResolve: (id: string, resolved: boolean) => void;
  onDelete: (id: string) => void;
}

/** Stamps read like every other time in the app (sign-offs, the publish log). */
const when = (at: string): string => formatLocal(at);

function CommentItem({ comment }: { comment: Comment }) {
  return (
    <li className="comment">
      <p className="comment-by">
        <span className="comment-initials" aria-hidden="true">
          {comment.by.initials}
        </span>{' '}
        <span className="comment-name">{comment.by.name}</span> <time dateTime={comment.by.at}>{when(comment.by.at)}</time>
      </p>
      <p className="comment-text">{comment.text}</p>
    </li>
  );
}

/** One thread: its passage, its comments, and Reply / Resolve / Reopen / Delete. */
export function CommentThreadView({
  thread,
  orphan,
  active,
  actions,
}: {
  thread: CommentThread;
  orphan: boolean;
  active: boolean;
  actions: ThreadActions;
}) {
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState('');
  const replyId = useId();
  const label = `Comment on “${thread.quote}”`;

  const send = () => {
    if (reply.trim() === '') return;
    actions.onReply(thread.id, reply.trim());
    setReply('');
    setReplying(false);
  };

  return (
    <article className={`comment-thread${active ? ' active' : ''}${thread.resolved ? ' resolved' : ''}`} aria-label={label} data-thread={thread.id}>
      {orphan ? (
        <>
          <blockquote className="comment-quote">{thread.quote}</blockquote>
          <p className="comment-orphan">The commented text was deleted.</p>
        </>
      ) : (
        <button type="button" className="comment-quote" aria-label={`Show “${thread.quote}” in the story`} onClick={() => actions.onShow(thread.id)}>
          {thread.quote}
        </button>
      )}
      <ol className="comment-list">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} />
        ))}
      </ol>
      {thread.resolved && (
        <p className="comment-resolved">
          Resolved by {thread.resolved.name}, <time dateTime={thread.resolved.at}>{when(thread.resolved.at)}</time>
        </p>
      )}
      {replying && (
        <form
          className="comment-form"
          onSubmit={(event) => {
            event.preventDefault();
            send();
          }}
        >
          <label htmlFor={replyId}>Reply</label>
          <textarea id={replyId} value={reply} onChange={(event) => setReply(event.target.value)} rows={2} autoFocus />
          <div className="comment-buttons">
            <button type="submit" disabled={reply.trim() === ''}>
              Send reply
            </button>
            <button type="button" onClick={() => setReplying(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {actions.canWrite && !replying && (
        <div className="comment-buttons">
          <button type="button" onClick={() => setReplying(true)}>
            Reply
          </button>
          <button type="button" onClick={() => actions.onResolve(thread.id, thread.resolved === null)}>
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
          <button type="button" className="danger" onClick={() => actions.onDelete(thread.id)}>
            Delete thread
          </button>
        </div>
      )}
    </article>
  );
}
