import { HorizontalRuleNode } from '@lexical/extension';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { EmbedNode } from './embed-node';
import { ImageNode } from './image-node';
import { PullQuoteNode } from './pull-quote-node';
import { SuggestionNode } from './suggestion-node';

export { $createHorizontalRuleNode, $isHorizontalRuleNode, HorizontalRuleNode } from '@lexical/extension';
export * from './embed-node';
export * from './embed-provider';
export * from './image-node';
export * from './pull-quote-node';
export * from './suggestion-node';
export { $isMarkNode, MarkNode } from '@lexical/mark';

/**
 * The node classes of an article body. The renderer's editor and the headless editor that renders
 * HTML for publishing both register this list, so what the journalist sees is what the CMS gets.
 * The renderer may swap ImageNode and EmbedNode for subclasses of the same type that draw them.
 */
export const ARTICLE_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  PullQuoteNode,
  HorizontalRuleNode,
  ImageNode,
  EmbedNode,
  // Review (issue 7): comment anchors (MarkNode ids are comment thread ids) and suggested changes.
  MarkNode,
  SuggestionNode,
];

/** Headings a journalist may use inside the body: the headline is the page's H1. */
export const BODY_HEADING_TAGS = ['h2', 'h3'] as const;
