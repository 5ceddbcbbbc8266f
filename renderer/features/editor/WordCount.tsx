import { useLayoutEffect, useRef } from 'react';
import { formatCharacters, formatProgress, formatReadingTime, usableTarget } from '../../editor/text-stats';
import { formatWordCount } from '../../lib/format';
import type { LiveWordCount } from './live-word-count';

interface Props {
  source: LiveWordCount;
  /** The story's length target ("400 words"); progress is shown only when there is one. */
  targetWords?: number | null | undefined;
}

/**
 * Words, characters, reading time and progress towards the length target, in the editor's header.
 * They change as the journalist types, so the numbers are written straight into the DOM from the
 * store: no React commit (each one costs time in proportion to the document while the caret is in it).
 */
export function WordCount({ source, targetWords }: Props) {
  const words = useRef<HTMLSpanElement>(null);
  const characters = useRef<HTMLSpanElement>(null);
  const reading = useRef<HTMLSpanElement>(null);
  const progressText = useRef<HTMLSpanElement>(null);
  const bar = useRef<HTMLProgressElement>(null);
  const target = usableTarget(targetWords);

  useLayoutEffect(() => {
    const show = () => {
      const stats = source.getStats();
      if (words.current) words.current.textContent = formatWordCount(stats.words);
      if (characters.current) characters.current.textContent = formatCharacters(stats.characters);
      if (reading.current) reading.current.textContent = formatReadingTime(stats.words);
      if (target !== null) {
        if (progressText.current) progressText.current.textContent = formatProgress(stats.words, target);
        if (bar.current) {
          bar.current.value = Math.min(stats.words, target);
          bar.current.setAttribute('aria-valuetext', formatProgress(stats.words, target));
        }
      }
    };
    show();
    return source.subscribe(show);
  }, [source, target]);

  return (
    <span className="word-count">
      <span ref={words} />
      <span ref={characters} className="word-count-extra" />
      <span ref={reading} className="word-count-extra" />
      {target !== null && (
        <span className="word-target">
          <span ref={progressText} />
          <progress ref={bar} max={target} aria-label="Progress towards the length target" />
        </span>
      )}
    </span>
  );
}
