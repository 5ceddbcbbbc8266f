import type { DiffPart } from '../publishing/word-diff';

/** A word-level diff as text: <ins> for words only in the newer copy, <del> for words only in the older. */
export function DiffText({ parts, label }: { parts: readonly DiffPart[]; label: string }) {
  return (
    <div className="versions-diff" aria-label={label}>
      {parts.map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index}>{part.text}</ins>
        ) : part.kind === 'removed' ? (
          <del key={index}>{part.text}</del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </div>
  );
}
