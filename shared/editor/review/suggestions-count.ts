import type { EditorStateJson } from '../../model/article';

/**
 * Pending suggestions in a saved body, without an editor (readiness checks, summaries): the
 * distinct ids of its suggestion nodes. A plain JSON walk, so the model layer can use it.
 */
export function countPendingSuggestions(body: EditorStateJson): number {
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as { type?: unknown; suggestion?: { id?: unknown }; children?: unknown };
    if (record.type === 'suggestion' && typeof record.suggestion?.id === 'string') ids.add(record.suggestion.id);
    if (Array.isArray(record.children)) record.children.forEach(visit);
  };
  visit((body as { root?: unknown }).root);
  return ids.size;
}
