import { $getSelection, $isRangeSelection, $isTextNode, type TextNode } from 'lexical';
import type { Stamp, SuggestionAttrs } from '../../model/review';
import { $isSuggestionNode } from '../nodes/suggestion-node';
import { $charsIn, $liveRangeOf, type SuggestOutcome } from './suggestions-edit';
import { $isolateIn, $isolateSlice, $selectLive, $suggestionAncestors, $unwrap, $wrap, segmentsOf } from './suggestions-tree';

export type SuggestibleFormat = NonNullable<SuggestionAttrs['format']>;

function $setFormat(node: TextNode, format: SuggestibleFormat, on: boolean): void {
  if (node.hasFormat(format) !== on) node.toggleFormat(format);
}

/**
 * Bold, italic… in suggesting mode. Like the normal command, the first selected character decides
 * whether the format goes on or off, and every selected run is set to that. Each run changed is
 * wrapped in a format suggestion (rejecting sets it back); inside an insertion the format simply
 * changes (the insertion carries it); struck text is left alone; text whose earlier format change
 * this one undoes is taken out of that change, so two changes of one format never nest.
 */
export function $suggestFormat(format: SuggestibleFormat, stamp: Stamp, newId: string): SuggestOutcome {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return { ok: false, message: 'Select the text to format first.' };
  const range = $liveRangeOf(selection);
  if (range === null || selection.isCollapsed()) return { ok: false, message: 'Select the text to format first.' };
  const slices = segmentsOf($charsIn(range)).filter((segment) => $isTextNode(segment.leaf));
  const first = slices[0]?.leaf;
  if (!$isTextNode(first)) return { ok: true };
  const on = !first.hasFormat(format);
  const nodes = slices.map($isolateSlice).filter($isTextNode);
  for (const node of nodes) {
    if (node.hasFormat(format) === on) continue;
    const around = $suggestionAncestors(node);
    if (around.some((suggestion) => suggestion.getSuggestion().kind === 'insert')) {
      $setFormat(node, format, on);
      continue;
    }
    const earlier = around.find((suggestion) => suggestion.getSuggestion().kind === 'format' && suggestion.getSuggestion().format === format);
    if (earlier !== undefined) {
      $setFormat(node, format, on);
      $unwrap($isolateIn(node, earlier));
      continue;
    }
    $setFormat(node, format, on);
    const previous = node.getPreviousSibling();
    if ($isSuggestionNode(previous) && previous.getSuggestion().id === newId) previous.append(node);
    else $wrap(node, { id: newId, kind: 'format', by: stamp, format, on });
  }
  $selectLive(range.startBlock, range.start, range.end, range.endBlock);
  return { ok: true };
}
