import { useEffect, useRef } from 'react';
import type { Draft } from '../../../shared/model/draft';
import { call, on } from '../../api/client';
import { onConflict, sessionFor } from './open-sessions';

/** What the screen tells the journalist after taking in a newer file. */
export type ExternalNotice = { kind: 'updated' } | { kind: 'kept'; copyId: string; copyHeadline: string } | { kind: 'failed'; message: string };

const hhmm = (date: Date): string => `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;

/** The headline of the copy that keeps the journalist's edits: "Council vote (your edits 14:05)". */
export const copyHeadline = (headline: string, at: Date): string => `${headline.trim() === '' ? 'Untitled' : headline} (your edits ${hhmm(at)})`;

const sameDraft = (a: Draft, b: Draft): boolean => a.revision === b.revision && JSON.stringify(a) === JSON.stringify(b);

/**
 * Another program or machine changed the open draft's file (`drafts.changed` 'external', or 'desk':
 * the desk inbox brought it up to date from the CMS), or a
 * save was refused for that reason (CONFLICT). Never loses a word: unsaved text is first saved as
 * a new draft, then the newer file is loaded; with nothing unsaved the newer file simply replaces
 * what is shown. `shown` is the draft the editor was opened with; `replace` remounts it with another.
 */
export function useExternalChanges(
  draftId: string,
  shown: Draft | null,
  /** `draft` null: keep the editor as it is and only say why. */
  replace: (draft: Draft | null, notice: ExternalNotice) => void,
): void {
  const latest = useRef({ shown, replace });
  useEffect(() => {
    latest.current = { shown, replace };
  });
  const busy = useRef(false);
  const again = useRef(false);

  useEffect(() => {
    const takeNewer = async (): Promise<void> => {
      if (busy.current) {
        again.current = true; // one more look once this one is done: the file may have moved on again
        return;
      }
      busy.current = true;
      try {
        const newer = await call('drafts.open', { id: draftId });
        // Already on screen: a refused save and the event for the same change, or a second event.
        const shownNow = latest.current.shown;
        if (shownNow !== null && sameDraft(shownNow, newer)) return;
        // From here the editor's autosave is stopped: nothing can save the older text over the newer file.
        const session = sessionFor(draftId);
        const unsaved = await session?.takeUnsaved();
        if (unsaved === undefined) {
          latest.current.replace(await call('drafts.open', { id: draftId }), { kind: 'updated' });
          return;
        }
        const article = unsaved();
        const headline = copyHeadline(article.headline, new Date());
        let copy: Draft;
        try {
          copy = await call('drafts.create', { article: { ...article, headline } });
        } catch (error) {
          // The copy could not be written: the text stays on screen (not saved over the newer file).
          const message = error instanceof Error ? error.message : 'The copy could not be saved.';
          // The editor stays here (leaving waits for a save that cannot happen) with the text on screen.
          latest.current.replace(null, { kind: 'failed', message: `This draft was changed elsewhere, and your edits could not be kept as a copy: ${message} Copy your text somewhere safe before leaving.` });
          return;
        }
        session?.release();
        latest.current.replace(await call('drafts.open', { id: draftId }), { kind: 'kept', copyId: copy.id, copyHeadline: headline });
      } catch (error) {
        const message = error instanceof Error ? error.message : 'unknown error';
        latest.current.replace(null, { kind: 'failed', message: `This draft was changed elsewhere and could not be reloaded: ${message}` });
      } finally {
        busy.current = false;
        if (again.current) {
          again.current = false;
          void takeNewer();
        }
      }
    };

    const stopEvents = on('drafts.changed', (payload) => {
      if (payload.id === draftId && (payload.reason === 'external' || payload.reason === 'desk')) void takeNewer();
    });
    const stopConflicts = onConflict(draftId, () => void takeNewer());
    return () => {
      stopEvents();
      stopConflicts();
    };
  }, [draftId]);
}
