import {
  $createRangeSelection,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalNode,
  type LineBreakNode,
  type PointType,
  type TextNode,
} from 'lexical';
import type { SuggestionAttrs } from '../../model/review';
import { $createSuggestionNode, $isSuggestionNode, type SuggestionNode } from '../nodes/suggestion-node';

/**
 * Tree helpers for the suggestion engine. The engine reasons in "live" text: the characters of a
 * block that are not struck (not inside a delete suggestion). Live text is exactly the text as it
 * reads with every suggestion accepted, so carets, Backspace and ranges are computed there and
 * struck text is stepped over without special cases.
 */
export type Leaf = TextNode | LineBreakNode;

export const $isLeaf = (node: LexicalNode | null | undefined): node is Leaf => $isTextNode(node) || $isLineBreakNode(node);

export const leafText = (leaf: Leaf): string => ($isTextNode(leaf) ? leaf.getTextContent() : '\n');

/** One live character: the leaf holding it and its offset there (always 0 for a line break). */
export interface LiveChar {
  leaf: Leaf;
  offset: number;
}

/** The suggestions around a node, innermost first, up to its block. */
export function $suggestionAncestors(node: LexicalNode): SuggestionNode[] {
  const found: SuggestionNode[] = [];
  for (let parent = node.getParent(); parent !== null && parent.isInline(); parent = parent.getParent()) {
    if ($isSuggestionNode(parent)) found.push(parent);
  }
  if ($isSuggestionNode(node)) found.unshift(node);
  return found;
}

export const $isStruck = (node: LexicalNode): boolean => $suggestionAncestors(node).some((s) => s.getSuggestion().kind === 'delete');

export const isInsertBy = (node: LexicalNode | null | undefined, name: string): node is SuggestionNode =>
  $isSuggestionNode(node) && node.getSuggestion().kind === 'insert' && node.getSuggestion().by.name === name;

export const isDeleteBy = (node: LexicalNode | null | undefined, name: string): node is SuggestionNode =>
  $isSuggestionNode(node) && node.getSuggestion().kind === 'delete' && node.getSuggestion().by.name === name;

/** The nearest block (non-inline element) holding the node, or the node itself when it is one. */
export function $blockOf(node: LexicalNode): ElementNode | null {
  for (let current: LexicalNode | null = node; current !== null; current = current.getParent()) {
    if ($isElementNode(current) && !current.isInline() && current.getParent() !== null) return current;
  }
  return null;
}

/** Blocks that hold text (no block children), in document order. */
export function $textBlocks(): ElementNode[] {
  const blocks: ElementNode[] = [];
  const visit = (node: ElementNode): void => {
    const children = node.getChildren();
    const nested = children.filter((child): child is ElementNode => $isElementNode(child) && !child.isInline());
    if (nested.length === 0 && node.getParent() !== null) blocks.push(node);
    nested.forEach(visit);
  };
  visit($getRoot());
  return blocks;
}

/** The live characters of a block, in order. */
export function $liveChars(block: ElementNode): LiveChar[] {
  const chars: LiveChar[] = [];
  const visit = (node: LexicalNode, struck: boolean): void => {
    if ($isLeaf(node)) {
      if (struck) return;
      const text = leafText(node);
      for (let offset = 0; offset < text.length; offset += 1) chars.push({ leaf: node, offset: $isTextNode(node) ? offset : 0 });
      return;
    }
    if (!$isElementNode(node)) return;
    const strikes = struck || ($isSuggestionNode(node) && node.getSuggestion().kind === 'delete');
    for (const child of node.getChildren()) visit(child, strikes);
  };
  visit(block, false);
  return chars;
}

/** How many live characters of the block come before a point inside it. */
export function $liveIndexOfPoint(block: ElementNode, point: PointType): number {
  let count = 0;
  let found = -1;
  const visit = (node: LexicalNode, struck: boolean): void => {
    if (found >= 0) return;
    if (point.type === 'text' && node.getKey() === point.key) {
      found = count + (struck ? 0 : point.offset);
      return;
    }
    if ($isLeaf(node)) {
      if (!struck) count += leafText(node).length;
      return;
    }
    if (!$isElementNode(node)) return;
    const strikes = struck || ($isSuggestionNode(node) && node.getSuggestion().kind === 'delete');
    const here = point.type === 'element' && node.getKey() === point.key;
    const children = node.getChildren();
    for (let index = 0; index < children.length; index += 1) {
      if (here && index === point.offset) {
        found = count;
        return;
      }
      visit(children[index] as LexicalNode, strikes);
      if (found >= 0) return;
    }
    if (here) found = count;
  };
  visit(block, false);
  return found >= 0 ? found : count;
}

/** Points just before or just after a live character. */
function setBefore(point: PointType, char: LiveChar): void {
  if ($isTextNode(char.leaf)) point.set(char.leaf.getKey(), char.offset, 'text');
  else point.set(char.leaf.getParentOrThrow().getKey(), char.leaf.getIndexWithinParent(), 'element');
}

function setAfter(point: PointType, char: LiveChar): void {
  if ($isTextNode(char.leaf)) point.set(char.leaf.getKey(), char.offset + 1, 'text');
  else point.set(char.leaf.getParentOrThrow().getKey(), char.leaf.getIndexWithinParent() + 1, 'element');
}

/**
 * Selects live characters [start, end) of a block; collapsed (start === end) the caret goes just
 * before live character `start`, i.e. after any struck text before it (the "right edge").
 */
export function $selectLive(block: ElementNode, start: number, end: number = start, endBlock: ElementNode = block): void {
  const selection = $createRangeSelection();
  const chars = $liveChars(block);
  const endChars = endBlock === block ? chars : $liveChars(endBlock);
  const before = (point: PointType, list: LiveChar[], owner: ElementNode, index: number): void => {
    const next = list[index];
    const previous = list[index - 1];
    if (next !== undefined) setBefore(point, next);
    else if (previous !== undefined) setAfter(point, previous);
    else point.set(owner.getKey(), 0, 'element');
  };
  before(selection.anchor, chars, block, start);
  const previous = endChars[end - 1];
  if (start === end && endBlock === block) before(selection.focus, chars, block, start);
  else if (previous !== undefined) setAfter(selection.focus, previous);
  else before(selection.focus, endChars, endBlock, end);
  $setSelection(selection);
}

/** A contiguous slice [start, end) of one leaf. */
export interface Segment {
  leaf: Leaf;
  start: number;
  end: number;
}

/** Groups live characters into per-leaf slices. */
export function segmentsOf(chars: readonly LiveChar[]): Segment[] {
  const segments: Segment[] = [];
  for (const char of chars) {
    const last = segments.at(-1);
    if (last !== undefined && last.leaf === char.leaf && last.end === char.offset) last.end += 1;
    else segments.push({ leaf: char.leaf, start: char.offset, end: char.offset + 1 });
  }
  return segments;
}

/** Splits a text leaf so the slice stands alone; returns the slice's node. */
export function $isolateSlice({ leaf, start, end }: Segment): Leaf {
  if (!$isTextNode(leaf)) return leaf;
  const size = leaf.getTextContentSize();
  const cuts = [start, end].filter((offset) => offset > 0 && offset < size);
  if (cuts.length === 0) return leaf;
  const parts = leaf.splitText(...cuts);
  return (start > 0 ? parts[1] : parts[0]) as TextNode;
}

/** Moves an element's children out in its place and removes it. */
export function $unwrap(node: ElementNode): void {
  for (const child of node.getChildren()) node.insertBefore(child);
  node.remove();
}

/**
 * Splits the suggestions between `leaf` and `ancestor` (inclusive) so that a copy of `ancestor`
 * (same attributes, same id) holds only the leaf's chain; returns that copy. Needed to take part
 * of a format change back out without touching the rest of it.
 */
export function $isolateIn(leaf: LexicalNode, ancestor: SuggestionNode): SuggestionNode {
  let node: LexicalNode = leaf;
  for (;;) {
    const parent = node.getParent();
    if (!$isSuggestionNode(parent)) throw new Error('The suggestion to isolate is not around this text.');
    const after = node.getNextSiblings();
    if (after.length > 0) {
      const tail = $createSuggestionNode(parent.getSuggestion());
      parent.insertAfter(tail);
      tail.append(...after);
    }
    let holder: SuggestionNode = parent;
    if (node.getPreviousSiblings().length > 0) {
      holder = $createSuggestionNode(parent.getSuggestion());
      parent.insertAfter(holder);
      holder.append(node);
    }
    if (parent === ancestor) return holder;
    node = holder;
  }
}

/** Wraps a leaf in a new suggestion node in its place. */
export function $wrap(leaf: LexicalNode, attrs: SuggestionAttrs): SuggestionNode {
  const wrapper = $createSuggestionNode(attrs);
  leaf.insertBefore(wrapper);
  wrapper.append(leaf);
  return wrapper;
}

/** Every suggestion node in the document, in document order (outer before inner). */
export function $allSuggestionNodes(): SuggestionNode[] {
  const found: SuggestionNode[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isSuggestionNode(node)) found.push(node);
    if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot());
  return found;
}
