import type { LexicalEditor } from 'lexical';
import { useEffect, useState } from 'react';
import { $isSuggestionNode } from '../../../../shared/editor/nodes';
import { $listSuggestions, type SuggestionSummary } from '../../../../shared/editor/review/suggestions';
import { touchesReviewNodes } from '../touches-review-nodes';

/** The pending suggestions in the body, in document order, following every edit. */
export function useSuggestions(editor: LexicalEditor | null): SuggestionSummary[] {
  const [items, setItems] = useState<SuggestionSummary[]>([]);
  useEffect(() => {
    if (editor === null) return undefined;
    let last = '';
    const read = (): void => {
      const next = editor.getEditorState().read($listSuggestions);
      const key = JSON.stringify(next);
      // Most keystrokes leave the list as it was: no re-render then.
      if (key === last) return;
      last = key;
      setItems(next);
    };
    read();
    return editor.registerUpdateListener((update) => {
      if (touchesReviewNodes(update, $isSuggestionNode)) read();
    });
  }, [editor]);
  return items;
}
