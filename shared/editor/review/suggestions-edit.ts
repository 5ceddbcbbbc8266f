import {
  $createLineBreakNode,
  $createTextNode,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import type { Stamp } from '../../model/review';
import { $createSuggestionNode, $isSuggestionNode } from '../nodes/suggestion-node';
import {
  $blockOf,
  $isolateSlice,
  $liveChars,
  $liveIndexOfPoint,
  $selectLive,
  $suggestionAncestors,
  $textBlocks,
  $wrap,
  isDeleteBy,
  isInsertBy,
  type Leaf,
  type LiveChar,
  leafText,
  segmentsOf,
} from './suggestions-tree';

/** What a suggesting edit did: done, or refused with a plain reason to show. */
export type SuggestOutcome = { ok: true } | { ok: false; message: string };

const DONE: SuggestOutcome = { ok: true };
const refuse = (message: string): SuggestOutcome => ({ ok: false, message });

export const JOIN_REFUSED = "Joining paragraphs can't be suggested. Turn Suggesting off to join them.";
export const SPLIT_REFUSED = "Splitting a paragraph can't be suggested. Press Enter at the end of a paragraph, or turn Suggesting off.";
const NO_SELECTION = 'Put the cursor in the story text first.';

export interface DeleteOptions {
  backward: boolean;
  unit: 'character' | 'word' | 'line';
}

/** A selection as live positions: [start in startBlock, end in endBlock). */
export interface LiveRange {
  startBlock: ElementNode;
  start: number;
  endBlock: ElementNode;
  end: number;
}

export function $liveRangeOf(selection: RangeSelection): LiveRange | null {
  const [first, last] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus];
  const startBlock = $blockOf(first.getNode());
  const endBlock = $blockOf(last.getNode());
  if (startBlock === null || endBlock === null) return null;
  return { startBlock, start: $liveIndexOfPoint(startBlock, first), endBlock, end: $liveIndexOfPoint(endBlock, last) };
}

/** The live characters a range covers, across blocks. */
export function $charsIn(range: LiveRange): LiveChar[] {
  const blocks = $textBlocks();
  const from = blocks.indexOf(range.startBlock);
  const to = blocks.indexOf(range.endBlock);
  if (from < 0 || to < from) return [];
  if (from === to) return $liveChars(range.startBlock).slice(range.start, range.end);
  const chars = $liveChars(range.startBlock).slice(range.start);
  for (const block of blocks.slice(from + 1, to)) chars.push(...$liveChars(block));
  chars.push(...$liveChars(range.endBlock).slice(0, range.end));
  return chars;
}

/** Suggests the deletion of one leaf: really removed when it is the author's own insertion. */
function $deleteLeaf(leaf: Leaf, stamp: Stamp, id: string): void {
  if ($suggestionAncestors(leaf).some((node) => isInsertBy(node, stamp.name))) {
    // Removing the last child of a suggestion removes the suggestion too (it cannot be empty).
    leaf.remove();
    return;
  }
  const previous = leaf.getPreviousSibling();
  const next = leaf.getNextSibling();
  // Backspacing letter by letter grows one deletion rather than making one per letter.
  if (isDeleteBy(previous, stamp.name)) {
    previous.append(leaf);
    if (isDeleteBy(next, stamp.name)) {
      previous.append(...next.getChildren());
      next.remove();
    }
  } else if (isDeleteBy(next, stamp.name)) {
    next.splice(0, 0, [leaf]);
  } else {
    $wrap(leaf, { id, kind: 'delete', by: stamp });
  }
}

function $deleteChars(chars: readonly LiveChar[], stamp: Stamp, id: string): void {
  const leaves = segmentsOf(chars).map($isolateSlice);
  for (const leaf of leaves) $deleteLeaf(leaf, stamp, id);
}

/** Strikes the selected text (own insertions really go); the caret ends at the right edge. */
function $deleteRange(selection: RangeSelection, stamp: Stamp, id: string): SuggestOutcome {
  const range = $liveRangeOf(selection);
  if (range === null) return refuse(NO_SELECTION);
  $deleteChars($charsIn(range), stamp, id);
  $selectLive(range.startBlock, range.start);
  return DONE;
}

const liveString = (chars: readonly LiveChar[]): string =>
  chars.map(({ leaf, offset }) => ($isTextNode(leaf) ? leafText(leaf).charAt(offset) : '\n')).join('');

/** The live span a collapsed Backspace/Delete covers from position `at`. */
function spanFrom(text: string, at: number, { backward, unit }: DeleteOptions): [number, number] {
  const isHigh = (index: number): boolean => /[\uD800-\uDBFF]/.test(text.charAt(index));
  const isLow = (index: number): boolean => /[\uDC00-\uDFFF]/.test(text.charAt(index));
  if (unit === 'character') {
    if (backward) return [at - 1 > 0 && isLow(at - 1) && isHigh(at - 2) ? at - 2 : at - 1, at];
    return [at, isHigh(at) && isLow(at + 1) ? at + 2 : at + 1];
  }
  if (unit === 'line') return backward ? [text.lastIndexOf('\n', at - 1) + 1, at] : [at, text.includes('\n', at) ? text.indexOf('\n', at) : text.length];
  const space = (index: number): boolean => /\s/.test(text.charAt(index));
  let edge = at;
  if (backward) {
    while (edge > 0 && space(edge - 1)) edge -= 1;
    while (edge > 0 && !space(edge - 1)) edge -= 1;
    return [edge, at];
  }
  while (edge < text.length && space(edge)) edge += 1;
  while (edge < text.length && !space(edge)) edge += 1;
  return [at, edge];
}

/** At a block's edge: only an empty block may go (it holds no text to suggest about). */
function $removeEmptyBlock(block: ElementNode, backward: boolean): SuggestOutcome {
  const sibling = backward ? block.getPreviousSibling() : block.getNextSibling();
  if (block.getChildrenSize() > 0 || !$isElementNode(sibling)) return refuse(JOIN_REFUSED);
  block.remove();
  if (backward) sibling.selectEnd();
  else sibling.selectStart();
  return DONE;
}

/**
 * Backspace / Delete in suggesting mode. A selection is struck whole; a caret strikes the character
 * or word beside it, stepping over text already struck.
 */
export function $suggestDelete(stamp: Stamp, newId: string, options: DeleteOptions): SuggestOutcome {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return refuse(NO_SELECTION);
  if (!selection.isCollapsed()) return $deleteRange(selection, stamp, newId);
  const block = $blockOf(selection.anchor.getNode());
  if (block === null) return refuse(NO_SELECTION);
  const chars = $liveChars(block);
  const at = $liveIndexOfPoint(block, selection.anchor);
  if (options.backward ? at === 0 : at >= chars.length) return $removeEmptyBlock(block, options.backward);
  const [start, end] = spanFrom(liveString(chars), at, options);
  $deleteChars(chars.slice(Math.max(0, start), end), stamp, newId);
  $selectLive(block, Math.max(0, start));
  return DONE;
}

/** Suggests the deletion of the selected text (REMOVE_TEXT / cut). */
export function $suggestRemoveSelection(stamp: Stamp, newId: string): SuggestOutcome {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return refuse(NO_SELECTION);
  return selection.isCollapsed() ? DONE : $deleteRange(selection, stamp, newId);
}

interface Slot {
  parent: ElementNode;
  index: number;
}

function slotAfter({ leaf, offset }: LiveChar): Slot {
  if ($isTextNode(leaf) && offset + 1 < leaf.getTextContentSize()) leaf.splitText(offset + 1);
  return { parent: leaf.getParentOrThrow(), index: leaf.getIndexWithinParent() + 1 };
}

function slotBefore({ leaf, offset }: LiveChar): Slot {
  if ($isTextNode(leaf) && offset > 0) {
    const [left] = leaf.splitText(offset);
    return { parent: leaf.getParentOrThrow(), index: (left ?? leaf).getIndexWithinParent() + 1 };
  }
  return { parent: leaf.getParentOrThrow(), index: leaf.getIndexWithinParent() };
}

/** Typing at the edge of a link or comment anchor goes beside it, as in normal editing. */
function outsideInlineEdges(slot: Slot): Slot {
  let { parent, index } = slot;
  while (parent.isInline() && !$isSuggestionNode(parent) && (index === 0 || index === parent.getChildrenSize())) {
    const atEnd = index > 0;
    index = parent.getIndexWithinParent() + (atEnd ? 1 : 0);
    parent = parent.getParentOrThrow();
  }
  return { parent, index };
}

function textNodes(text: string, format: number, style: string): LexicalNode[] {
  const nodes: LexicalNode[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (index > 0) nodes.push($createLineBreakNode());
    if (line !== '') nodes.push($createTextNode(line).setFormat(format).setStyle(style));
  });
  return nodes;
}

/**
 * Typing or pasting plain text in suggesting mode. Next to or inside the author's own insertion it
 * grows that insertion; elsewhere the text becomes a new insertion with the format of the text
 * before it (after it at the start of a block). A selection is struck first: a replaced word.
 */
export function $suggestInsertText(text: string, stamp: Stamp, newId: string): SuggestOutcome {
  let selection = $getSelection();
  if (!$isRangeSelection(selection)) return refuse(NO_SELECTION);
  if (!selection.isCollapsed()) {
    // The struck part is its own suggestion (accepting the new word need not drop the old one).
    const struck = $deleteRange(selection, stamp, `${newId}-x`);
    if (!struck.ok) return struck;
    selection = $getSelection();
    if (!$isRangeSelection(selection)) return refuse(NO_SELECTION);
  }
  const block = $blockOf(selection.anchor.getNode());
  if (block === null) return refuse(NO_SELECTION);
  if (text === '') return DONE;
  const chars = $liveChars(block);
  const at = $liveIndexOfPoint(block, selection.anchor);
  const before = chars[at - 1];
  const after = chars[at];
  const source = [before, after].find((char) => char !== undefined && $isTextNode(char.leaf))?.leaf;
  const format = $isTextNode(source) ? source.getFormat() : selection.format;
  const style = $isTextNode(source) ? source.getStyle() : selection.style;
  const nodes = textNodes(text, format, style);
  const own = (char: LiveChar | undefined): boolean =>
    char !== undefined && $suggestionAncestors(char.leaf).some((node) => isInsertBy(node, stamp.name));

  if (own(before) && before !== undefined) {
    const slot = slotAfter(before);
    slot.parent.splice(slot.index, 0, nodes);
  } else if (own(after) && after !== undefined) {
    const slot = slotBefore(after);
    slot.parent.splice(slot.index, 0, nodes);
  } else {
    const slot = outsideInlineEdges(
      after !== undefined ? slotBefore(after) : before !== undefined ? slotAfter(before) : { parent: block, index: block.getChildrenSize() },
    );
    const insert = $createSuggestionNode({ id: newId, kind: 'insert', by: stamp });
    insert.append(...nodes);
    slot.parent.splice(slot.index, 0, [insert]);
  }
  const last = nodes.at(-1);
  if ($isTextNode(last)) last.selectEnd();
  else if (last !== undefined) last.getParentOrThrow().select(last.getIndexWithinParent() + 1, last.getIndexWithinParent() + 1);
  return DONE;
}

/**
 * Enter in suggesting mode: at the end of a block it opens a new block after it, whose text will be
 * an insertion (rejecting the last insertion in it removes the block again). In the middle it is
 * refused: a split paragraph cannot be carried by an inline suggestion.
 */
export function $suggestParagraph(): SuggestOutcome {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return refuse(SPLIT_REFUSED);
  const block = $blockOf(selection.anchor.getNode());
  if (block === null) return refuse(NO_SELECTION);
  if ($liveIndexOfPoint(block, selection.anchor) < $liveChars(block).length) return refuse(SPLIT_REFUSED);
  const created = block.insertNewAfter(selection, false);
  if (!$isElementNode(created)) return refuse(SPLIT_REFUSED);
  created.selectStart();
  return DONE;
}
