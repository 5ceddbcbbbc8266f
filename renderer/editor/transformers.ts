import {
  BOLD_STAR,
  HEADING,
  ITALIC_STAR,
  LINK,
  ORDERED_LIST,
  QUOTE,
  UNORDERED_LIST,
  type ElementTransformer,
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown';
import { isSafeLinkUrl } from '../../shared/url-policy';

/**
 * Markdown shortcuts limited to what an article body may hold (shared/editor/nodes.ts).
 * Lexical's defaults would also make H1 (the headline is the page's H1), code blocks, inline code,
 * strikethrough and highlight, none of which the CMS output supports.
 */

/** `## ` and `### ` only: upstream's heading rule, with the level taken from the matched hashes. */
export const BODY_HEADING: ElementTransformer = { ...HEADING, regExp: /^(#{2,3})\s/ };

/** `[text](url)` only for allowed schemes; anything else stays as the text that was typed. */
export const SAFE_LINK: TextMatchTransformer = {
  ...LINK,
  replace: (textNode, match) => {
    const url = (match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1');
    if (!isSafeLinkUrl(url)) return;
    return LINK.replace?.(textNode, match);
  },
};

// Order matters: `**` must be tried before `*`.
export const ARTICLE_TRANSFORMERS: Transformer[] = [
  BODY_HEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_STAR,
  ITALIC_STAR,
  SAFE_LINK,
];
