import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import type { Klass, LexicalNode } from 'lexical';

/**
 * The node classes of an article body. The renderer's editor and the headless editor that renders
 * HTML for publishing both register exactly this list, so what the journalist sees is what the
 * CMS gets.
 */
export const ARTICLE_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
];

/** Headings a journalist may use inside the body: the headline is the page's H1. */
export const BODY_HEADING_TAGS = ['h2', 'h3'] as const;
