import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';

/**
 * Removes a card (image, embed) from the story, as one undo step, and puts the caret where it
 * was so typing carries on there. The image file stays in the draft folder: undo brings it back.
 */
export function removeNode(editor: LexicalEditor, key: NodeKey): void {
  editor.update(() => {
    const node = $getNodeByKey(key);
    if (!node) return;
    const next = node.getNextSibling() ?? node.getPreviousSibling();
    node.remove();
    next?.selectStart();
  });
  editor.focus();
}
