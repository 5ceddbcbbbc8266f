import type { Comment, CommentThread, Stamp } from '../../model/review';

/**
 * Pure edits of `article.comments`: each returns a new list, so the renderer can hand it straight
 * to `update({ comments })` and the autosave writes threads and body together.
 */

export function startThread(threads: readonly CommentThread[], thread: { id: string; quote: string; first: Comment }): CommentThread[] {
  return [...threads, { id: thread.id, quote: thread.quote, comments: [thread.first], resolved: null }];
}

const change = (threads: readonly CommentThread[], id: string, edit: (thread: CommentThread) => CommentThread) =>
  threads.map((thread) => (thread.id === id ? edit(thread) : thread));

export const addReply = (threads: readonly CommentThread[], id: string, reply: Comment): CommentThread[] =>
  change(threads, id, (thread) => ({ ...thread, comments: [...thread.comments, reply] }));

/** Resolves with who and when; `null` reopens. */
export const setResolved = (threads: readonly CommentThread[], id: string, resolved: Stamp | null): CommentThread[] =>
  change(threads, id, (thread) => ({ ...thread, resolved }));

export const deleteThread = (threads: readonly CommentThread[], id: string): CommentThread[] =>
  threads.filter((thread) => thread.id !== id);
