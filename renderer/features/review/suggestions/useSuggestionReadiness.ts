import type { LexicalEditor } from 'lexical';
import { useMemo } from 'react';
import { type ReadinessProblem, suggestionProblems } from '../../../../shared/model/readiness';
import { useSuggestions } from './useSuggestions';

/**
 * The publish checklist's line for suggested changes still open in the body on screen (the
 * panel's `fields` carry no body): "N suggested changes are still open: …". Main checks the same
 * on the saved body before it queues anything.
 */
export function useSuggestionReadiness(editor: LexicalEditor | null): ReadinessProblem[] {
  const count = useSuggestions(editor).length;
  return useMemo(() => suggestionProblems(count), [count]);
}
