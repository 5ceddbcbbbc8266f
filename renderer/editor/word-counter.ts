import { $getRoot, type EditorState, type NodeKey } from 'lexical';
import { countWords } from '../../shared/editor/word-count';

/**
 * Counts the words of an editor state block by block, remembering each top-level block's text
 * and count, so a recount after typing in one paragraph runs the word pattern over that
 * paragraph only. Blocks are told apart by their text: Lexical separates block-level children
 * with blank lines, so words never run across blocks, and the total is what `countBodyWords`
 * gives for the saved JSON (checked in word-counter.test.ts).
 */
export class BlockWordCounter {
  private cache = new Map<NodeKey, { text: string; words: number }>();

  count(state: EditorState): number {
    const next = new Map<NodeKey, { text: string; words: number }>();
    let total = 0;
    state.read(() => {
      for (const block of $getRoot().getChildren()) {
        const key = block.getKey();
        const text = block.getTextContent();
        const known = this.cache.get(key);
        const entry = known && known.text === text ? known : { text, words: countWords(text) };
        next.set(key, entry);
        total += entry.words;
      }
    });
    this.cache = next;
    return total;
  }
}
