import { formatClock, formatSavedWhen, lowerFirstWord } from '../../lib/format';
import type { SaveState } from './autosave';

/**
 * The save indicator in plain words: "Saved 10:42", "Saving…", "Unsaved changes" or
 * "Not saved: the disk is full. Your text is still in the editor." A save from an earlier day
 * says which day, so an old draft never looks freshly saved.
 */
export function saveStatusText(state: SaveState, now: Date = new Date()): string {
  switch (state.kind) {
    case 'saving':
      return 'Saving…';
    case 'dirty':
      return 'Unsaved changes';
    case 'failed': {
      const message = state.message.trim();
      // The main side's save errors already say "Not saved: …"; others get it in front.
      return /^not saved\b/i.test(message) ? message : `Not saved: ${lowerFirstWord(message)}`;
    }
    case 'saved': {
      const when = formatSavedWhen(state.at, now);
      return when.startsWith('Saved today ') ? `Saved ${formatClock(state.at)}` : when;
    }
  }
}
