import { useId, useState } from 'react';
import { $anchorCommentOnSelection, $removeCommentAnchor, $selectThreadPassage, orderThreads } from '../../../../shared/editor/review/comments';
import { addReply, deleteThread, setResolved, startThread } from '../../../../shared/editor/review/comments-threads';
import { useCurrentUser } from '../current-user';
import type { ReviewProps } from '../review-props';
import { CommentThreadView, type ThreadActions } from './CommentThreadView';
import { useActiveMarks, useAnchoredIds, useCommentShortcut } from './use-comment-anchors';
import './comments.css';

const newId = () => crypto.randomUUID();

/**
 * Comment threads on passages, in document order (issue 7). "Comment" anchors a new thread to the
 * selected text at once (so the passage is highlighted while the comment is written); Cancel takes
 * the anchor out again. Threads are saved with the body through `update({ comments })`.
 */
export function CommentsPanel({ editor, fields, update }: ReviewProps) {
  const { user, stamp } = useCurrentUser();
  const [pending, setPending] = useState<{ id: string; quote: string } | null>(null);
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const anchoredIds = useAnchoredIds(editor);
  useActiveMarks(editor, activeId);
  const textId = useId();
  const threads = fields.comments;

  const startComment = () => {
    if (!editor) return;
    if (user === null) {
      setMessage('Set your name in Settings to comment.');
      return;
    }
    if (pending) return;
    const id = newId();
    let quote: string | null = null;
    editor.update(() => {
      quote = $anchorCommentOnSelection(id);
    }, { discrete: true });
    if (quote === null) {
      setMessage('Select a passage in the story first, then choose Comment.');
      return;
    }
    setMessage(null);
    setPending({ id, quote });
    setActiveId(id);
  };
  useCommentShortcut(editor, startComment);

  const cancel = () => {
    if (pending) editor?.update(() => $removeCommentAnchor(pending.id), { discrete: true });
    setPending(null);
    setText('');
  };

  const submit = () => {
    const by = stamp();
    if (!pending || text.trim() === '') return;
    if (by === null) {
      setMessage('Set your name in Settings to comment.');
      return;
    }
    update({ comments: startThread(threads, { id: pending.id, quote: pending.quote, first: { id: newId(), by, text: text.trim() } }) });
    setPending(null);
    setText('');
  };

  const actions: ThreadActions = {
    canWrite: user !== null,
    onShow: (id) => {
      setActiveId(id);
      editor?.update(() => {
        $selectThreadPassage(id);
      });
      editor?.focus();
    },
    onReply: (id, reply) => {
      const by = stamp();
      if (by) update({ comments: addReply(threads, id, { id: newId(), by, text: reply }) });
    },
    onResolve: (id, resolve) => update({ comments: setResolved(threads, id, resolve ? stamp() : null) }),
    onDelete: (id) => {
      editor?.update(() => $removeCommentAnchor(id), { discrete: true });
      update({ comments: deleteThread(threads, id) });
      if (activeId === id) setActiveId(null);
    },
  };

  const { anchored, orphans } = orderThreads(threads, anchoredIds);
  const open = [...anchored, ...orphans].filter((thread) => thread.resolved === null);
  const resolved = [...anchored, ...orphans].filter((thread) => thread.resolved !== null);
  const view = (thread: (typeof threads)[number]) => (
    <CommentThreadView key={thread.id} thread={thread} orphan={orphans.includes(thread)} active={thread.id === activeId} actions={actions} />
  );

  return (
    <section className="comments-panel" aria-labelledby={`${textId}-title`}>
      <h2 id={`${textId}-title`}>Comments</h2>
      {/* Keeps the story's selection: a click here must not move the focus out of the text first. */}
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={startComment} disabled={!editor} title="Ctrl+Alt+M">
        Comment
      </button>
      {user === null && message === null && <p className="comment-hint">Set your name in Settings to comment.</p>}
      {message !== null && (
        <p role="alert" className="error-text">
          {message}
        </p>
      )}
      {pending && (
        <form
          className="comment-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <blockquote className="comment-quote">{pending.quote}</blockquote>
          <label htmlFor={textId}>Your comment</label>
          <textarea id={textId} value={text} onChange={(event) => setText(event.target.value)} rows={3} autoFocus />
          <div className="comment-buttons">
            <button type="submit" disabled={text.trim() === ''}>
              Add comment
            </button>
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {open.length === 0 && resolved.length === 0 && !pending && <p className="comment-hint">No comments yet.</p>}
      <div className="comment-threads">{open.map(view)}</div>
      {resolved.length > 0 && (
        <details className="comments-resolved">
          <summary>Resolved ({resolved.length})</summary>
          {resolved.map(view)}
        </details>
      )}
    </section>
  );
}
