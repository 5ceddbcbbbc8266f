import type { LexicalEditor } from 'lexical';

/**
 * Clean paste: clipboard HTML is sanitised and normalised before Lexical imports it.
 * (Being written now; until it lands, Lexical's own rich-text paste runs.)
 */
export function registerCleanPaste(editor: LexicalEditor): () => void {
  void editor;
  return () => undefined;
}
