import { $isMarkNode, type MarkNode } from '@lexical/mark';
import { $createTextNode, $getRoot, $isElementNode, $isTextNode, type ElementNode, type LexicalNode, type TextFormatType } from 'lexical';
import { $isSuggestionNode, type SuggestionNode } from './nodes';

/**
 * Markdown is written by Lexical's own exporter (render-markdown.ts), which knows nothing of
 * suggestions or comment anchors. Before it runs, this rewrites the body in a scratch editor:
 * - without review: as it stands before any pending suggestion (insertions dropped, deletions
 *   kept, format changes set back) and without anchors, like every other export;
 * - with review: each suggestion and commented passage is unwrapped between private-use
 *   placeholder characters, turned into CriticMarkup once the Markdown is written (so Lexical's
 *   escaping cannot touch the markup, and text typed by a person cannot forge it).
 */

const P = {
  insOpen: '\uE000',
  insClose: '\uE001',
  delOpen: '\uE002',
  delClose: '\uE003',
  markOpen: '\uE004',
  markClose: '\uE005',
  refOpen: '\uE006',
  refClose: '\uE007',
};
const PLACEHOLDERS = /[\uE000-\uE007]/g;

function $reviewNodes(): (SuggestionNode | MarkNode)[] {
  const found: (SuggestionNode | MarkNode)[] = [];
  const visit = (node: LexicalNode) => {
    if ($isSuggestionNode(node) || $isMarkNode(node)) found.push(node);
    if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot());
  return found;
}

function $unwrap(node: ElementNode, before = '', after = ''): void {
  if (before !== '') node.insertBefore($createTextNode(before));
  if (after !== '') node.insertAfter($createTextNode(after));
  for (const child of node.getChildren()) node.insertBefore(child);
  node.remove();
}

function $setFormat(node: LexicalNode, format: TextFormatType, on: boolean): void {
  if ($isTextNode(node)) {
    if (node.hasFormat(format) !== on) node.toggleFormat(format);
  } else if ($isElementNode(node)) {
    node.getChildren().forEach((child) => $setFormat(child, format, on));
  }
}

/** Runs inside an update. `numbers`: review mode, with each comment thread's number. */
export function $prepareForMarkdown(numbers: ReadonlyMap<string, number> | null): void {
  // Text typed by a person never carries our placeholders into the output.
  for (const text of $getRoot().getAllTextNodes()) {
    const content = text.getTextContent();
    const clean = content.replace(PLACEHOLDERS, '');
    if (clean !== content) text.setTextContent(clean);
  }
  for (const node of $reviewNodes()) {
    if ($isMarkNode(node)) {
      const refs = (numbers === null ? [] : node.getIDs().map((id) => numbers.get(id))).filter((n) => n !== undefined);
      if (refs.length === 0) $unwrap(node);
      else $unwrap(node, P.markOpen, `${P.markClose}${refs.map((n) => `${P.refOpen}${n}${P.refClose}`).join('')}`);
      continue;
    }
    const { kind, format, on } = node.getSuggestion();
    if (numbers !== null) {
      if (kind === 'insert') $unwrap(node, P.insOpen, P.insClose);
      else if (kind === 'delete') $unwrap(node, P.delOpen, P.delClose);
      else $unwrap(node);
    } else if (kind === 'insert') {
      node.remove();
    } else {
      if (kind === 'format' && format !== undefined) $setFormat(node, format, on !== true);
      $unwrap(node);
    }
  }
}

/** Turns the placeholders into CriticMarkup: {++added++} {--removed--} {==passage==}{>>[1]<<}. */
export function criticMarkup(markdown: string): string {
  return markdown
    .replaceAll(P.insOpen, '{++')
    .replaceAll(P.insClose, '++}')
    .replaceAll(P.delOpen, '{--')
    .replaceAll(P.delClose, '--}')
    .replaceAll(P.markOpen, '{==')
    .replaceAll(P.markClose, '==}')
    .replaceAll(P.refOpen, '{>>[')
    .replaceAll(P.refClose, ']<<}');
}
