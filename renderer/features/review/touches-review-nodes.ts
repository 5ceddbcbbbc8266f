import type { EditorState, LexicalNode, NodeKey } from 'lexical';

/**
 * Whether an update touched any node `is` recognises, before or after it: a suggestion or a
 * comment anchor created, edited inside, moved or removed. The review panels re-read the whole
 * body only then, not on every keystroke in plain text (a full walk of a long story per key).
 * Lexical marks every ancestor of a changed node dirty, so text typed inside a suggestion or a
 * marked passage reaches its wrapper here.
 */
export function touchesReviewNodes(
  update: { editorState: EditorState; prevEditorState: EditorState; dirtyElements: Map<NodeKey, boolean> },
  is: (node: LexicalNode | null) => boolean,
): boolean {
  for (const key of update.dirtyElements.keys()) {
    if (is(update.editorState._nodeMap.get(key) ?? null) || is(update.prevEditorState._nodeMap.get(key) ?? null)) return true;
  }
  return false;
}
