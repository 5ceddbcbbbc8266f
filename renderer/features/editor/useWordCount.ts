import { useCallback, useEffect, useRef, useState } from 'react';
import { countBodyWords } from '../../../shared/editor/word-count';
import type { EditorStateJson } from '../../../shared/model/article';

/**
 * The live word count, from the same `countBodyWords` the main side uses for the library, so the
 * two always agree. Counting walks the whole document, so it runs at most once per frame.
 */
export function useWordCount(initialBody: EditorStateJson): { words: number; recount: (body: EditorStateJson) => void } {
  const [words, setWords] = useState(() => countBodyWords(initialBody));
  const pending = useRef<EditorStateJson | null>(null);
  const frame = useRef<number | null>(null);

  const recount = useCallback((body: EditorStateJson) => {
    pending.current = body;
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const latest = pending.current;
      pending.current = null;
      if (latest) setWords(countBodyWords(latest));
    });
  }, []);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  return { words, recount };
}
