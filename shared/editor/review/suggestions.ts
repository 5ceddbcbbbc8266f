/**
 * Suggested changes (issue 7): the engine behind suggesting mode. Every `$` function runs inside
 * `editor.update` on the current selection; nothing here touches the DOM, so the renderer, the
 * tests and the main side share it.
 */
export {
  $suggestDelete,
  $suggestInsertText,
  $suggestParagraph,
  $suggestRemoveSelection,
  type DeleteOptions,
  JOIN_REFUSED,
  SPLIT_REFUSED,
  type SuggestOutcome,
} from './suggestions-edit';
export { $suggestFormat, type SuggestibleFormat } from './suggestions-format';
export {
  $acceptSuggestion,
  $listSuggestions,
  $rejectSuggestion,
  $resolveAll,
  $selectSuggestion,
  type SuggestionSummary,
} from './suggestions-resolve';
export { countPendingSuggestions } from './suggestions-count';
export { $selectLive, $textBlocks } from './suggestions-tree';
