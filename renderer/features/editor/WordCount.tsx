import { useLayoutEffect, useRef } from 'react';
import { formatWordCount } from '../../lib/format';
import type { LiveWordCount } from './live-word-count';

/**
 * The word count in the editor's header. It changes as the journalist types, so the number is
 * written straight into the DOM from the store: no React commit (each one costs time in
 * proportion to the document while the caret is in it).
 */
export function WordCount({ source }: { source: LiveWordCount }) {
  const span = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const show = () => {
      if (span.current) span.current.textContent = formatWordCount(source.getSnapshot());
    };
    show();
    return source.subscribe(show);
  }, [source]);
  return <span ref={span} className="word-count" />;
}
