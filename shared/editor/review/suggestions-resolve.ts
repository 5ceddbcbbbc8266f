import { $createParagraphNode, $createRangeSelection, $getRoot, $isElementNode, $isTextNode, $setSelection, type LexicalNode, type TextNode } from 'lexical';
import type { Stamp, SuggestionAttrs, SuggestionKind } from '../../model/review';
import type { SuggestionNode } from '../nodes/suggestion-node';
import { $allSuggestionNodes, $blockOf, $unwrap } from './suggestions-tree';

/** One pending suggestion as the panel lists it (all its pieces, in document order). */
export interface SuggestionSummary {
  id: string;
  kind: SuggestionKind;
  by: Stamp;
  /** The text it concerns. */
  text: string;
  format?: SuggestionAttrs['format'];
  on?: boolean;
}

/** Pending suggestions in document order; one suggestion may span several pieces (one id). */
export function $listSuggestions(): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>();
  for (const node of $allSuggestionNodes()) {
    const attrs = node.getSuggestion();
    const known = byId.get(attrs.id);
    if (known !== undefined) {
      known.text += node.getTextContent();
      continue;
    }
    byId.set(attrs.id, {
      id: attrs.id,
      kind: attrs.kind,
      by: attrs.by,
      text: node.getTextContent(),
      ...(attrs.format === undefined ? {} : { format: attrs.format }),
      ...(attrs.on === undefined ? {} : { on: attrs.on }),
    });
  }
  return [...byId.values()];
}

const $nodesOf = (id: string): SuggestionNode[] => $allSuggestionNodes().filter((node) => node.getSuggestion().id === id);

function $textDescendants(node: LexicalNode): TextNode[] {
  if ($isTextNode(node)) return [node];
  return $isElementNode(node) ? node.getChildren().flatMap($textDescendants) : [];
}

/** Takes an insertion out; a block it leaves empty goes too (a rejected new paragraph leaves nothing). */
function $removeInsertion(node: SuggestionNode): void {
  const block = $blockOf(node);
  node.remove();
  if (block !== null && block.isAttached() && block.getChildrenSize() === 0 && block.getParent() !== null) {
    const parent = block.getParentOrThrow();
    block.remove();
    // The body always keeps one paragraph to type in.
    if (parent === $getRoot() && parent.getChildrenSize() === 0) parent.append($createParagraphNode());
  }
}

function $resolveNode(node: SuggestionNode, accept: boolean): void {
  if (!node.isAttached()) return;
  const { kind, format, on } = node.getSuggestion();
  if (kind === 'insert') {
    if (accept) $unwrap(node);
    else $removeInsertion(node);
  } else if (kind === 'delete') {
    if (accept) node.remove();
    else $unwrap(node);
  } else {
    if (!accept && format !== undefined) {
      for (const text of $textDescendants(node)) if (text.hasFormat(format) === (on === true)) text.toggleFormat(format);
    }
    $unwrap(node);
  }
}

function $resolve(id: string, accept: boolean): boolean {
  const nodes = $nodesOf(id);
  for (const node of nodes) $resolveNode(node, accept);
  return nodes.length > 0;
}

/** Accepts one suggestion; false when it is not in the text (already resolved). */
export const $acceptSuggestion = (id: string): boolean => $resolve(id, true);

/** Rejects one suggestion; false when it is not in the text (already resolved). */
export const $rejectSuggestion = (id: string): boolean => $resolve(id, false);

/** Accepts or rejects every pending suggestion, or only those by one person; returns how many. */
export function $resolveAll(filter: { by?: string }, accept: boolean): number {
  const ids = $listSuggestions()
    .filter((suggestion) => filter.by === undefined || suggestion.by.name === filter.by)
    .map((suggestion) => suggestion.id);
  for (const id of ids) $resolve(id, accept);
  return ids.length;
}

/** Selects the text of a suggestion (the panel's "show me"); false when it is gone. */
export function $selectSuggestion(id: string): boolean {
  const texts = $nodesOf(id).flatMap($textDescendants);
  const first = texts[0];
  const last = texts.at(-1);
  if (first === undefined || last === undefined) return false;
  const selection = $createRangeSelection();
  selection.anchor.set(first.getKey(), 0, 'text');
  selection.focus.set(last.getKey(), last.getTextContentSize(), 'text');
  $setSelection(selection);
  return true;
}
