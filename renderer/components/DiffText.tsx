import type { DiffPart } from '../features/publishing/word-diff';

/** A word-level diff as text: <ins> for words only in the newer copy, <del> for words only in the older. */
export function DiffText({ parts, label, className }: { parts: readonly DiffPart[]; label: string; className: string }) {
  return (
    <div className={className} aria-label={label}>
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
