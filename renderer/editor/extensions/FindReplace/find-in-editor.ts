import {
  $createRangeSelection,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  $setSelection,
  HISTORY_PUSH_TAG,
  SKIP_DOM_SELECTION_TAG,
  type ElementNode,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { findInText, type FindOptions, type TextRange } from './find-in-text';

/** One text node's place in its block's text. */
interface Segment {
  key: NodeKey;
  start: number;
  length: number;
}

interface Block {
  text: string;
  segments: Segment[];
}

/** Where a match is: the text node and offset at each end. */
export interface EditorMatch {
  anchor: { key: NodeKey; offset: number };
  focus: { key: NodeKey; offset: number };
}

/**
 * The document's text, one string per block (paragraph, heading, list item, pull quote…) with
 * the text nodes it is made of. Inline elements (links) are part of their block; a line break
 * is a "\n" no query can match across. Must run inside a read or update.
 */
function $blocks(): Block[] {
  const blocks: Block[] = [];
  const visitBlock = (block: ElementNode): void => {
    const current: Block = { text: '', segments: [] };
    const visitInline = (element: ElementNode): void => {
      for (const child of element.getChildren()) {
        if ($isTextNode(child)) {
          const text = child.getTextContent();
          current.segments.push({ key: child.getKey(), start: current.text.length, length: text.length });
          current.text += text;
        } else if ($isLineBreakNode(child)) {
          current.text += '\n';
        } else if ($isElementNode(child)) {
          // A nested list inside a list item is a block of its own.
          if (child.isInline()) visitInline(child);
          else visitBlock(child);
        }
      }
    };
    visitInline(block);
    if (current.segments.length > 0) blocks.push(current);
  };
  for (const child of $getRoot().getChildren()) if ($isElementNode(child)) visitBlock(child);
  return blocks;
}

/** The text point at `offset` of a block: the end of a segment wins over the start of the next. */
function pointAt(block: Block, offset: number, preferEnd: boolean): { key: NodeKey; offset: number } | null {
  for (const segment of block.segments) {
    const inside = preferEnd
      ? offset > segment.start && offset <= segment.start + segment.length
      : offset >= segment.start && offset < segment.start + segment.length;
    if (inside) return { key: segment.key, offset: offset - segment.start };
  }
  return null;
}

function toMatch(block: Block, range: TextRange): EditorMatch | null {
  const anchor = pointAt(block, range.start, false);
  const focus = pointAt(block, range.end, true);
  return anchor && focus ? { anchor, focus } : null;
}

/** Every match in the document, in reading order. Must run inside a read or update. */
export function $findMatches(query: string, options: FindOptions): EditorMatch[] {
  const matches: EditorMatch[] = [];
  for (const block of $blocks()) {
    for (const range of findInText(block.text, query, options)) {
      const match = toMatch(block, range);
      if (match) matches.push(match);
    }
  }
  return matches;
}

/**
 * Replaces one match with `replacement`, keeping the format of its first character. Must run
 * inside an update; matches after this one in the same text node move, so replace from the last.
 */
export function $replaceMatch(match: EditorMatch, replacement: string): void {
  const selection = $createRangeSelection();
  selection.anchor.set(match.anchor.key, match.anchor.offset, 'text');
  selection.focus.set(match.focus.key, match.focus.offset, 'text');
  $setSelection(selection);
  selection.insertText(replacement);
}

/**
 * Replace all, as ONE update tagged history-push: one undo step brings every match back, and it
 * is never merged into the typing before it. Returns how many were replaced.
 */
export function replaceAll(editor: LexicalEditor, query: string, options: FindOptions, replacement: string): number {
  let count = 0;
  editor.update(
    () => {
      const matches = $findMatches(query, options);
      count = matches.length;
      // From the last to the first: replacing one never moves the ones before it.
      for (const match of matches.reverse()) $replaceMatch(match, replacement);
    },
    { tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG], discrete: true },
  );
  return count;
}

/** Replaces the match at `index` (one undo step) and returns whether there was one. */
export function replaceOne(editor: LexicalEditor, query: string, options: FindOptions, index: number, replacement: string): boolean {
  let done = false;
  editor.update(
    () => {
      const match = $findMatches(query, options)[index];
      if (!match) return;
      $replaceMatch(match, replacement);
      done = true;
    },
    { tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG], discrete: true },
  );
  return done;
}

/** The DOM text node Lexical rendered for a text node (inside its span/strong/em). */
function domTextOf(editor: LexicalEditor, key: NodeKey): Text | null {
  let node: Node | null = editor.getElementByKey(key);
  while (node && node.nodeType !== Node.TEXT_NODE) node = node.firstChild;
  return node as Text | null;
}

/** DOM ranges for the matches, for highlighting; a match whose DOM is missing is skipped. */
export function domRangesOf(editor: LexicalEditor, matches: readonly EditorMatch[]): Array<Range | null> {
  const root = editor.getRootElement();
  if (!root) return matches.map(() => null);
  return matches.map((match) => {
    const start = domTextOf(editor, match.anchor.key);
    const end = domTextOf(editor, match.focus.key);
    if (!start || !end) return null;
    const range = root.ownerDocument.createRange();
    try {
      range.setStart(start, Math.min(match.anchor.offset, start.length));
      range.setEnd(end, Math.min(match.focus.offset, end.length));
    } catch {
      return null;
    }
    return range;
  });
}
