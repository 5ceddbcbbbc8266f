import { useState } from 'react';
import type { Article } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import { CompareDialog, type CompareSide } from './CompareDialog';
import { VersionsDialog } from './VersionsDialog';
import './versions.css';

interface Props {
  draftId: string;
  flush: () => Promise<boolean>;
  /** The story as it stands in the editor, for comparing a version with it. */
  readArticle: () => Article;
  /** The draft became a restored version: the editor must show it (it remounts with this draft). */
  onRestored: (draft: Draft) => void;
}

/**
 * The editor header's "History" button and what it opens: the versions list, and over it the
 * comparison. The two dialogs are siblings, not nested, so Escape in the comparison closes only it.
 */
export function HistoryPanel({ draftId, flush, readArticle, onRestored }: Props) {
  const [open, setOpen] = useState(false);
  const [comparing, setComparing] = useState<{ before: CompareSide; after: CompareSide } | null>(null);

  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        History
      </button>
      {open && (
        <VersionsDialog
          draftId={draftId}
          flush={flush}
          onRestored={onRestored}
          onCompare={(before, after) => setComparing({ before, after })}
          onClose={() => setOpen(false)}
        />
      )}
      {comparing && (
        <CompareDialog
          draftId={draftId}
          before={comparing.before}
          after={comparing.after}
          readCurrent={readArticle}
          onClose={() => setComparing(null)}
        />
      )}
    </>
  );
}
