import { createHeadlessEditor } from '@lexical/headless';
import { $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import {
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isParagraphNode,
  $isTextNode,
  type LexicalEditor,
  type LexicalNode,
  type TextFormatType,
} from 'lexical';
import type { EditorStateJson } from '../model/article';
import { isSafeLinkUrl } from '../url-policy';
import { ARTICLE_NODES } from './nodes';

/**
 * Renders a saved body to HTML without a DOM, for publishing and export. The JSON is loaded into a
 * headless editor with the same node classes the journalist's editor uses, so a node that does not
 * validate fails here rather than reaching a CMS. Output is built from an allowlist of tags; text
 * and attributes are escaped, and links pass the same URL policy as the editor.
 */
export type RenderedBlock =
  | { type: 'paragraph'; html: string }
  | { type: 'heading'; level: 2 | 3 | 4; html: string }
  | { type: 'quote'; html: string }
  | { type: 'list'; ordered: boolean; html: string; items: string[] };

const INLINE_FORMATS: ReadonlyArray<[TextFormatType, string]> = [
  ['code', 'code'],
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strikethrough', 's'],
  ['subscript', 'sub'],
  ['superscript', 'sup'],
];

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

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

function renderInline(node: LexicalNode): string {
  if ($isTextNode(node)) {
    let html = escapeHtml(node.getTextContent());
    for (const [format, tag] of INLINE_FORMATS) {
      if (node.hasFormat(format)) html = `<${tag}>${html}</${tag}>`;
    }
    return html;
  }
  if ($isLineBreakNode(node)) return '<br>';
  if ($isLinkNode(node)) {
    const inner = node.getChildren().map(renderInline).join('');
    const url = node.getURL();
    return isSafeLinkUrl(url) ? `<a href="${escapeHtml(url.trim())}">${inner}</a>` : inner;
  }
  if ($isElementNode(node)) return node.getChildren().map(renderInline).join('');
  return escapeHtml(node.getTextContent());
}

function renderList(list: ListNode): { html: string; items: string[] } {
  const tag = list.getListType() === 'number' ? 'ol' : 'ul';
  const items = list.getChildren().map((item) => {
    if (!$isListItemNode(item)) return `<li>${renderInline(item)}</li>`;
    const parts = item.getChildren().map((child) => ($isListNode(child) ? renderList(child).html : renderInline(child)));
    return `<li>${parts.join('')}</li>`;
  });
  return { html: `<${tag}>${items.join('')}</${tag}>`, items };
}

function renderBlock(node: LexicalNode): RenderedBlock | null {
  if ($isHeadingNode(node)) {
    const tag = node.getTag();
    // The headline is the page's only H1; a stray H1 in the body is published as an H2.
    const level = tag === 'h3' ? 3 : tag === 'h4' || tag === 'h5' || tag === 'h6' ? 4 : 2;
    return { type: 'heading', level, html: `<h${level}>${renderInline(node)}</h${level}>` };
  }
  if ($isQuoteNode(node)) return { type: 'quote', html: `<blockquote><p>${renderInline(node)}</p></blockquote>` };
  if ($isListNode(node)) return { type: 'list', ordered: node.getListType() === 'number', ...renderList(node) };
  if ($isParagraphNode(node) || $isElementNode(node)) {
    const inner = renderInline(node);
    // Empty paragraphs are spacing in the editor, not content on the site.
    if (inner.replace(/<br>/g, '').trim() === '') return null;
    return { type: 'paragraph', html: `<p>${inner}</p>` };
  }
  return null;
}

export function renderBodyBlocks(body: EditorStateJson): RenderedBlock[] {
  const editor = headlessEditor();
  const state = editor.parseEditorState(JSON.stringify(body));
  return state.read(() => {
    const blocks: RenderedBlock[] = [];
    for (const child of $getRoot().getChildren()) {
      const block = renderBlock(child);
      if (block) blocks.push(block);
    }
    return blocks;
  });
}

export function renderBodyHtml(body: EditorStateJson): string {
  return renderBodyBlocks(body)
    .map((block) => block.html)
    .join('\n');
}
