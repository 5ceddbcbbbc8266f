import { createHeadlessEditor } from '@lexical/headless';
import { $isLinkNode } from '@lexical/link';
import { $isMarkNode } from '@lexical/mark';
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import {
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type LexicalEditor,
  type LexicalNode,
  type TextFormatType,
} from 'lexical';
import type { EditorStateJson } from '../model/article';
import type { SuggestionAttrs } from '../model/review';
import { isSafeLinkUrl } from '../url-policy';
import {
  $isEmbedNode,
  $isHorizontalRuleNode,
  $isImageNode,
  $isPullQuoteNode,
  $isSuggestionNode,
  ARTICLE_NODES,
  type EmbedProvider,
  type ImageData,
} from './nodes';

/**
 * A saved body read into plain data, once, for every output (HTML, text, Markdown front matter,
 * .docx). The JSON is loaded into a headless editor with the editor's own node classes, so a node
 * that does not validate throws here rather than reaching a file or a CMS. Links that fail the URL
 * policy are dropped here (their text is kept), so no renderer has to remember to.
 */
/**
 * How pending suggested changes (issue 7) are read: `original` — as if every one were rejected
 * (the text as it stands until someone accepts them); `accepted` — as if every one were accepted.
 * Comment anchors never change the text in either view.
 */
export type ReviewView = 'original' | 'accepted';

/**
 * The `marked` view, for exports that show review marks (`drafts.export {review}`): every pending
 * suggestion is kept as a `suggestion` part around its text (a format change as it stands in the
 * text, i.e. applied), and every comment anchor as a `comment` part with its thread ids. Only this
 * view has those parts, so renderers of `Inline` need not know them.
 */
export type MarkedInline =
  | { kind: 'text'; text: string; formats: readonly InlineFormat[] }
  | { kind: 'break' }
  | { kind: 'link'; url: string; children: readonly MarkedInline[] }
  | { kind: 'suggestion'; suggestion: SuggestionAttrs; children: readonly MarkedInline[] }
  | { kind: 'comment'; ids: readonly string[]; children: readonly MarkedInline[] };
type AnyView = ReviewView | 'marked';

export type InlineFormat = 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code' | 'subscript' | 'superscript';

export type Inline =
  | { kind: 'text'; text: string; formats: readonly InlineFormat[] }
  | { kind: 'break' }
  | { kind: 'link'; url: string; children: readonly Inline[] };

/** Blocks are generic in their inline parts: `Inline` for publishing, `MarkedInline` for review exports. */
export interface ListItem<I extends MarkedInline = Inline> {
  content: readonly I[];
  /** Nested lists under this item. */
  lists: readonly ListBlock<I>[];
}

export interface ListBlock<I extends MarkedInline = Inline> {
  kind: 'list';
  ordered: boolean;
  items: readonly ListItem<I>[];
}

export type BodyBlock<I extends MarkedInline = Inline> =
  | { kind: 'paragraph'; content: readonly I[] }
  | { kind: 'heading'; level: 2 | 3 | 4; content: readonly I[] }
  | { kind: 'quote'; content: readonly I[] }
  | ListBlock<I>
  | { kind: 'pullquote'; content: readonly I[]; attribution: string }
  | { kind: 'separator' }
  | { kind: 'image'; image: ImageData }
  | { kind: 'embed'; url: string; provider: EmbedProvider };

const FORMATS: readonly InlineFormat[] = ['bold', 'italic', 'underline', 'strikethrough', 'code', 'subscript', 'superscript'];

let sharedEditor: LexicalEditor | undefined;

function headlessEditor(): LexicalEditor {
  sharedEditor ??= createHeadlessEditor({
    namespace: 'newsroom-render',
    nodes: [...ARTICLE_NODES],
    onError: (error) => {
      throw error;
    },
  });
  return sharedEditor;
}

function readInline(node: LexicalNode, view: AnyView): MarkedInline[] {
  if ($isTextNode(node)) {
    const formats = FORMATS.filter((format) => node.hasFormat(format as TextFormatType));
    return [{ kind: 'text', text: node.getTextContent(), formats }];
  }
  if ($isLineBreakNode(node)) return [{ kind: 'break' }];
  if ($isElementNode(node)) {
    const children = node.getChildren().flatMap((child) => readInline(child, view));
    if ($isSuggestionNode(node)) {
      if (view === 'marked') return [{ kind: 'suggestion', suggestion: node.getSuggestion(), children }];
      return readSuggestion(node.getSuggestion(), children, view);
    }
    if ($isMarkNode(node) && view === 'marked') return [{ kind: 'comment', ids: node.getIDs(), children }];
    if ($isLinkNode(node)) {
      const url = node.getURL().trim();
      return isSafeLinkUrl(url) ? [{ kind: 'link', url, children }] : children;
    }
    // Comment anchors (MarkNode) and any other inline wrapper: their text only.
    return children;
  }
  // Inline decorators we do not know carry no text we could render safely.
  return [];
}

function readSuggestion(suggestion: SuggestionAttrs, children: MarkedInline[], view: ReviewView): MarkedInline[] {
  if (suggestion.kind === 'insert') return view === 'accepted' ? children : [];
  if (suggestion.kind === 'delete') return view === 'accepted' ? [] : children;
  // A format change is applied in the text; the original view sets it back.
  if (view === 'accepted' || suggestion.format === undefined) return children;
  return withFormat(children, suggestion.format, suggestion.on !== true);
}

function withFormat(content: readonly MarkedInline[], format: InlineFormat, on: boolean): MarkedInline[] {
  return content.map((part) => {
    if (part.kind === 'break') return part;
    if (part.kind !== 'text') return { ...part, children: withFormat(part.children, format, on) };
    const formats = part.formats.filter((other) => other !== format);
    return { ...part, formats: on ? FORMATS.filter((known) => known === format || formats.includes(known)) : formats };
  });
}

const readContent = (node: LexicalNode, view: AnyView): MarkedInline[] =>
  $isElementNode(node) ? node.getChildren().flatMap((child) => readInline(child, view)) : [];

function readList(list: ListNode, view: AnyView): ListBlock<MarkedInline> {
  const items: ListItem<MarkedInline>[] = [];
  for (const item of list.getChildren()) {
    if (!$isListItemNode(item)) continue;
    const nested = item.getChildren().filter($isListNode);
    const content = item
      .getChildren()
      .filter((child) => !$isListNode(child))
      .flatMap((child) => readInline(child, view));
    // Lexical keeps a nested list in its own list item: fold it under the item before it.
    const previous = items.at(-1);
    if (content.length === 0 && nested.length > 0 && previous) {
      items[items.length - 1] = { ...previous, lists: [...previous.lists, ...nested.map((inner) => readList(inner, view))] };
      continue;
    }
    items.push({ content, lists: nested.map((inner) => readList(inner, view)) });
  }
  return { kind: 'list', ordered: list.getListType() === 'number', items };
}

function readBlock(node: LexicalNode, view: AnyView): BodyBlock<MarkedInline> | null {
  if ($isHeadingNode(node)) {
    const tag = node.getTag();
    // The headline is the page's only H1; a stray H1 in the body is published as an H2.
    const level = tag === 'h3' ? 3 : tag === 'h4' || tag === 'h5' || tag === 'h6' ? 4 : 2;
    return { kind: 'heading', level, content: readContent(node, view) };
  }
  if ($isQuoteNode(node)) return { kind: 'quote', content: readContent(node, view) };
  if ($isListNode(node)) return readList(node, view);
  if ($isPullQuoteNode(node)) return { kind: 'pullquote', content: readContent(node, view), attribution: node.getAttribution() };
  if ($isHorizontalRuleNode(node)) return { kind: 'separator' };
  if ($isImageNode(node)) return { kind: 'image', image: node.getData() };
  if ($isEmbedNode(node)) return { kind: 'embed', url: node.getUrl(), provider: node.getProvider() };
  if ($isElementNode(node)) return { kind: 'paragraph', content: readContent(node, view) };
  return null;
}

export function readBody(body: EditorStateJson, view?: ReviewView): BodyBlock[];
export function readBody(body: EditorStateJson, view: 'marked'): BodyBlock<MarkedInline>[];
export function readBody(body: EditorStateJson, view: AnyView = 'original'): BodyBlock<MarkedInline>[] {
  // The original and accepted views never produce suggestion or comment parts, so their blocks
  // are plain `BodyBlock`s (the overloads above say so to callers).
  const state = headlessEditor().parseEditorState(JSON.stringify(body));
  return state.read(() =>
    $getRoot()
      .getChildren()
      .map((node) => readBlock(node, view))
      .filter((block): block is BodyBlock<MarkedInline> => block !== null),
  );
}

/** The plain text of inline content: breaks as newlines, links as their text. */
export function inlineText(content: readonly MarkedInline[]): string {
  return content
    .map((part) => (part.kind === 'text' ? part.text : part.kind === 'break' ? '\n' : inlineText(part.children)))
    .join('');
}

/** True when inline content has no visible text (an empty paragraph is spacing, not content). */
export const isBlank = (content: readonly MarkedInline[]): boolean => inlineText(content).trim() === '';
