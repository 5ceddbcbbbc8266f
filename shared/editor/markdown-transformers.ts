import {
  BOLD_STAR,
  HEADING,
  ITALIC_STAR,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type ElementTransformer,
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown';
import { $isLinkNode } from '@lexical/link';
import { $createLineBreakNode, $isTextNode } from 'lexical';
import { isSafeLinkUrl } from '../url-policy';
import {
  $createEmbedNode,
  $createHorizontalRuleNode,
  $createImageNode,
  $createPullQuoteNode,
  $isEmbedNode,
  $isHorizontalRuleNode,
  $isImageNode,
  $isPullQuoteNode,
  EmbedNode,
  HorizontalRuleNode,
  ImageNode,
  isEmbeddableUrl,
  PullQuoteNode,
} from './nodes';

/**
 * Markdown for an article body (shared/editor/nodes), used both for typing shortcuts in the editor
 * and for Markdown import/export. Lexical's defaults would also make H1 (the headline is the page's
 * H1), code blocks, inline code and highlight, none of which the CMS output supports.
 *
 * Our own block forms (each one line; they convert only on import, never while typing):
 * - horizontal rule: `---` (also a typing shortcut: `---` then space);
 * - pull quote: `> [!pullquote: Ana Ruiz, mayor] We will rebuild.` — the attribution sits in the
 *   marker with `\`, `[` and `]` backslash-escaped; `> [!pullquote] text` when it has none; a line
 *   break inside the quote continues on the next `> ` line, as in a block quote;
 * - image: `![alt](assets/<asset> "caption"){credit="Photo: J. Pérez"}` with `\` and `"` escaped
 *   in caption and credit and `\`, `[`, `]` in alt; a placeholder without a file is not written;
 * - embed: the URL alone on its line (`https://youtu.be/abc`).
 * Underline has no Markdown form and is written as plain text.
 */

/** `## ` and `### ` only: upstream's heading rule, with the level taken from the matched hashes. */
export const BODY_HEADING: ElementTransformer = { ...HEADING, regExp: /^(#{2,3})\s/ };

/**
 * `[text](url)` only for allowed schemes; anything else stays as the text that was typed, and a
 * link with another scheme (smuggled into a file) is exported as its text alone.
 */
export const SAFE_LINK: TextMatchTransformer = {
  ...LINK,
  export: (node, exportChildren, exportFormat) => {
    if ($isLinkNode(node) && !isSafeLinkUrl(node.getURL())) return exportChildren(node);
    return LINK.export?.(node, exportChildren, exportFormat) ?? null;
  },
  replace: (textNode, match) => {
    const url = (match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1');
    if (!isSafeLinkUrl(url)) return;
    return LINK.replace?.(textNode, match);
  },
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const escapeBracketed = (text: string) => oneLine(text).replace(/[\\[\]]/g, '\\$&');
const escapeQuoted = (text: string) => oneLine(text).replace(/[\\"]/g, '\\$&');
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

export const HORIZONTAL_RULE: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '---' : null),
  regExp: /^(?:---|\*\*\*|___)\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    const rule = $createHorizontalRuleNode();
    // While typing, the rule goes before the line so the caret stays in a paragraph below it.
    if (isImport || parentNode.getNextSibling() !== null) parentNode.replace(rule);
    else parentNode.insertBefore(rule);
    if (!isImport) rule.selectNext();
  },
  type: 'element',
};

const PULL_QUOTE_MARKER = /^\[!pullquote(?:: ((?:[^\]\\]|\\.)*))?\] ?/;

export const PULL_QUOTE: ElementTransformer = {
  dependencies: [PullQuoteNode],
  export: (node, exportChildren) => {
    if (!$isPullQuoteNode(node)) return null;
    const attribution = node.getAttribution();
    const marker = attribution === '' ? '[!pullquote]' : `[!pullquote: ${escapeBracketed(attribution)}]`;
    const lines = exportChildren(node).split('\n');
    return lines.map((line, index) => (index === 0 ? `> ${marker} ${line}` : `> ${line}`)).join('\n');
  },
  regExp: /^>\s/,
  replace: (parentNode, children, _match, isImport) => {
    // `> ` while typing stays a block quote; only imported text can carry the marker.
    if (!isImport) return false;
    const [first] = children;
    const marker = $isTextNode(first) ? first.getTextContent().match(PULL_QUOTE_MARKER) : null;
    if (marker && $isTextNode(first)) {
      first.setTextContent(first.getTextContent().slice(marker[0].length));
      const quote = $createPullQuoteNode(unescape(marker[1] ?? ''));
      quote.append(...children);
      parentNode.replace(quote);
      return;
    }
    const previous = parentNode.getPreviousSibling();
    if (!$isPullQuoteNode(previous)) return false; // a plain block quote: QUOTE's turn
    previous.append($createLineBreakNode(), ...children);
    parentNode.remove();
  },
  type: 'element',
};

const IMAGE_LINE =
  /^!\[((?:[^\]\\]|\\.)*)\]\(assets\/([a-f0-9]{16,64}\.(?:png|jpg|gif|webp))(?: "((?:[^"\\]|\\.)*)")?\)(?:\{credit="((?:[^"\\]|\\.)*)"\})?\s*$/;

export const IMAGE: ElementTransformer = {
  dependencies: [ImageNode],
  export: (node) => {
    if (!$isImageNode(node)) return null;
    const { asset, alt, caption, credit } = node.getData();
    if (asset === null) return ''; // a placeholder asks for a file; it is not content
    const title = caption === '' ? '' : ` "${escapeQuoted(caption)}"`;
    const creditPart = credit === '' ? '' : `{credit="${escapeQuoted(credit)}"}`;
    return `![${escapeBracketed(alt)}](assets/${asset}${title})${creditPart}`;
  },
  regExp: IMAGE_LINE,
  replace: (parentNode, _children, match, isImport) => {
    if (!isImport) return false;
    const [, alt = '', asset = '', caption = '', credit = ''] = match;
    parentNode.replace(
      $createImageNode({ asset, alt: unescape(alt), caption: unescape(caption), credit: unescape(credit) }),
    );
  },
  type: 'element',
};

export const EMBED: ElementTransformer = {
  dependencies: [EmbedNode],
  export: (node) => ($isEmbedNode(node) ? node.getUrl() : null),
  regExp: /^(https?:\/\/\S+)\s*$/,
  replace: (parentNode, _children, match, isImport) => {
    const url = match[1] ?? '';
    if (!isImport || !isEmbeddableUrl(url)) return false;
    parentNode.replace($createEmbedNode(url));
  },
  type: 'element',
};

/**
 * Every rule, for the editor's shortcuts and for import/export. Order matters: our block forms
 * before the block quote (they share `> `), `**` before `*`.
 */
export const ARTICLE_TRANSFORMERS: Transformer[] = [
  BODY_HEADING,
  HORIZONTAL_RULE,
  PULL_QUOTE,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  IMAGE,
  EMBED,
  BOLD_STAR,
  ITALIC_STAR,
  STRIKETHROUGH,
  SAFE_LINK,
];
