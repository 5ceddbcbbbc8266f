import { $getRoot, type EditorState, type NodeKey } from 'lexical';
import { countWords } from '../../shared/editor/word-count';
import { countCharacters, type TextStats } from './text-stats';

interface Entry {
  text: string;
  words: number;
  characters: number;
}

/**
 * Counts the words and characters of an editor state block by block, remembering each top-level
 * block's text and counts, so a recount after typing in one paragraph scans that paragraph only.
 * Blocks are told apart by their text: Lexical separates block-level children with blank lines,
 * so words never run across blocks, and the total is what `countBodyWords` gives for the saved
 * JSON (checked in word-counter.test.ts).
 */
export class BlockWordCounter {
  private cache = new Map<NodeKey, Entry>();

  measure(state: EditorState): TextStats {
    const next = new Map<NodeKey, Entry>();
    let words = 0;
    let characters = 0;
    state.read(() => {
      for (const block of $getRoot().getChildren()) {
        const key = block.getKey();
        const text = block.getTextContent();
        const known = this.cache.get(key);
        const entry = known && known.text === text ? known : { text, words: countWords(text), characters: countCharacters(text) };
        next.set(key, entry);
        words += entry.words;
        characters += entry.characters;
      }
    });
    this.cache = next;
    return { words, characters };
  }

  count(state: EditorState): number {
    return this.measure(state).words;
  }
}
