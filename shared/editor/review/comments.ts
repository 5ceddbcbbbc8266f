import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, type MarkNode } from '@lexical/mark';
import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $setSelection,
  type LexicalNode,
} from 'lexical';
import type { CommentThread } from '../../model/review';

/**
 * Comment anchors in the body (issue 7). A thread is anchored by MarkNodes carrying its id, so the
 * anchor moves with the text as people type around and inside it; the thread itself (quote,
 * comments, resolved) lives in `article.comments`. These `$` helpers run inside an editor
 * update/read, so the renderer and the tests use the same code.
 */

/** Longest quote kept on a thread (the schema's limit); the anchor still covers the whole passage. */
export const MAX_QUOTE = 2_000;

/**
 * Wraps the current selection in a mark for `threadId` and returns the selected text, or null when
 * nothing is selected (a caret is not a passage). A passage that already carries a comment gets a
 * second id on the overlapping part, so both threads keep their anchors.
 */
export function $anchorCommentOnSelection(threadId: string): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
  const quote = selection.getTextContent();
  if (quote.trim() === '') return null;
  $wrapSelectionInMarkNode(selection, selection.isBackward(), threadId);
  return quote.slice(0, MAX_QUOTE);
}

function $marks(): MarkNode[] {
  const found: MarkNode[] = [];
  const visit = (node: LexicalNode) => {
    if ($isMarkNode(node)) found.push(node);
    if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot());
  return found;
}

/** The marks anchoring one thread, in document order. */
export const $marksOf = (threadId: string): MarkNode[] => $marks().filter((mark) => mark.getIDs().includes(threadId));

/** Every thread id anchored in the body, in the order its passage first appears. */
export function $threadIdsInOrder(): string[] {
  const ids: string[] = [];
  for (const mark of $marks()) for (const id of mark.getIDs()) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** Takes one thread's anchor out of the text; marks shared with another thread keep the other id. */
export function $removeCommentAnchor(threadId: string): void {
  for (const mark of $marksOf(threadId)) {
    if (mark.getIDs().length > 1) mark.deleteID(threadId);
    else $unwrapMarkNode(mark);
  }
}

/** Selects the passage a thread is anchored to; false when its text is gone. */
export function $selectThreadPassage(threadId: string): boolean {
  const marks = $marksOf(threadId).filter((mark) => mark.getTextContentSize() > 0);
  const first = marks[0];
  const last = marks.at(-1);
  if (!first || !last) return false;
  const start = first.getFirstDescendant();
  const end = last.getLastDescendant();
  if (!start || !end) return false;
  const selection = $createRangeSelection();
  const endOffset = $isElementNode(end) ? end.getChildrenSize() : end.getTextContentSize();
  selection.anchor.set(start.getKey(), 0, $isElementNode(start) ? 'element' : 'text');
  selection.focus.set(end.getKey(), endOffset, $isElementNode(end) ? 'element' : 'text');
  $setSelection(selection);
  return true;
}

/** The threads split into those still anchored (in document order) and orphans whose text was deleted. */
export function orderThreads(
  threads: readonly CommentThread[],
  anchoredIds: readonly string[],
): { anchored: CommentThread[]; orphans: CommentThread[] } {
  const byId = new Map(threads.map((thread) => [thread.id, thread]));
  const anchored = anchoredIds.map((id) => byId.get(id)).filter((thread): thread is CommentThread => thread !== undefined);
  const orphans = threads.filter((thread) => !anchoredIds.includes(thread.id));
  return { anchored, orphans };
}
