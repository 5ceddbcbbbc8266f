import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $isLinkNode } from '@lexical/link';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $createRangeSelectionFromDom,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $setSelection,
  createCommand,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $createPullQuoteNode, $isPullQuoteNode } from '../../shared/editor/nodes';

/**
 * Block and inline commands shared by the toolbar and the keyboard shortcuts, so a button and
 * its shortcut can never behave differently.
 */
export type BlockType = 'paragraph' | 'h2' | 'h3' | 'quote' | 'pullquote' | 'bullet' | 'number' | 'other';

export interface SelectionFormat {
  block: BlockType;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  link: boolean;
}

export const EMPTY_FORMAT: SelectionFormat = {
  block: 'paragraph',
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  link: false,
};

/** Asks the toolbar to open its inline link field (Ctrl/Cmd+K or the Link button). */
export const OPEN_LINK_EDITOR_COMMAND = createCommand<void>('OPEN_LINK_EDITOR_COMMAND');

/** Opens the find bar (Ctrl/Cmd+F or its toolbar button). */
export const OPEN_FIND_COMMAND = createCommand<void>('OPEN_FIND_COMMAND');

/** Opens the toolbar's Insert menu with its first item focused. */
export const OPEN_INSERT_MENU_COMMAND = createCommand<void>('OPEN_INSERT_MENU_COMMAND');

/** Opens the "Keyboard shortcuts" sheet (Ctrl/Cmd+/ or its toolbar button). */
export const OPEN_SHORTCUTS_COMMAND = createCommand<void>('OPEN_SHORTCUTS_COMMAND');

/**
 * Lexical learns about selection changes from the browser's `selectionchange` event, which is
 * queued; a fast Shift+Home then Ctrl+B/K (a test, a quick typist) can beat it. Commands that act
 * on the selection call this first, inside an update, to take the selection from the DOM.
 */
export function $syncSelectionFromDom(editor: LexicalEditor): void {
  const root = editor.getRootElement();
  const dom = root?.ownerDocument.getSelection() ?? null;
  if (!root || !dom?.anchorNode || !dom.focusNode) return;
  if (!root.contains(dom.anchorNode) || !root.contains(dom.focusNode)) return;
  const fresh = $createRangeSelectionFromDom(dom, editor);
  const current = $getSelection();
  // Same place: keep Lexical's own selection, which carries the caret's pending format
  // (Ctrl+B with nothing selected toggles bold for the next characters typed).
  if (!fresh || ($isRangeSelection(current) && current.anchor.is(fresh.anchor) && current.focus.is(fresh.focus))) return;
  $setSelection(fresh);
}

/** Reads what the toolbar shows for the current selection; null when there is no text selection. */
export function $readSelectionFormat(): SelectionFormat | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const focus = selection.focus.getNode();
  return {
    block: $blockTypeOf(anchor),
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    strikethrough: selection.hasFormat('strikethrough'),
    link: $findMatchingParent(anchor, $isLinkNode) !== null || $findMatchingParent(focus, $isLinkNode) !== null,
  };
}

function $blockTypeOf(node: LexicalNode): BlockType {
  const list = $getNearestNodeOfType(node, ListNode);
  if ($isListNode(list)) {
    const type = list.getListType();
    return type === 'bullet' || type === 'number' ? type : 'other';
  }
  const block = $isRootOrShadowRoot(node) ? node : $findMatchingParent(node, (n) => {
    const parent = n.getParent();
    return parent !== null && $isRootOrShadowRoot(parent);
  });
  if ($isHeadingNode(block)) {
    const tag = block.getTag();
    return tag === 'h2' || tag === 'h3' ? tag : 'other';
  }
  if ($isQuoteNode(block)) return 'quote';
  if ($isPullQuoteNode(block)) return 'pullquote';
  if ($isParagraphNode(block)) return 'paragraph';
  return 'other';
}

export function setParagraph(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $setBlocksType(selection, () => $createParagraphNode());
  });
}

/** Heading 2/3 toggle: applying the heading a block already has turns it back into a paragraph. */
export function toggleHeading(editor: LexicalEditor, tag: 'h2' | 'h3'): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const current = $blockTypeOf(selection.anchor.getNode());
    $setBlocksType(selection, () => (current === tag ? $createParagraphNode() : $createHeadingNode(tag)));
  });
}

export function toggleQuote(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const current = $blockTypeOf(selection.anchor.getNode());
    $setBlocksType(selection, () => (current === 'quote' ? $createParagraphNode() : $createQuoteNode()));
  });
}

/** Pull quote toggle, like Quote: the block becomes a pull quote, or back to a paragraph. */
export function togglePullQuote(editor: LexicalEditor): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const current = $blockTypeOf(selection.anchor.getNode());
    $setBlocksType(selection, () => (current === 'pullquote' ? $createParagraphNode() : $createPullQuoteNode('')));
  });
}

export function toggleList(editor: LexicalEditor, type: 'bullet' | 'number', current: BlockType): void {
  if (current === type) {
    editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    return;
  }
  editor.dispatchCommand(type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
}
