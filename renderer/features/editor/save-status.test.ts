import { describe, expect, it } from 'vitest';
import { formatSavedWhen, formatWordCount } from '../../lib/format';
import { saveStatusText } from './save-status';

const now = new Date(2025, 2, 12, 15, 30);

describe('saveStatusText', () => {
  it('says when a save from today happened, as 24-hour local time', () => {
    expect(saveStatusText({ kind: 'saved', at: new Date(2025, 2, 12, 10, 42) }, now)).toBe('Saved 10:42');
    expect(saveStatusText({ kind: 'saved', at: new Date(2025, 2, 12, 9, 5) }, now)).toBe('Saved 09:05');
    expect(saveStatusText({ kind: 'saved', at: new Date(2025, 2, 12, 0, 0) }, now)).toBe('Saved 00:00');
  });

  it('names the day for older saves, so an old draft never looks freshly saved', () => {
    expect(saveStatusText({ kind: 'saved', at: new Date(2025, 2, 11, 18, 5) }, now)).toBe('Saved yesterday 18:05');
    expect(saveStatusText({ kind: 'saved', at: new Date(2024, 11, 3, 8, 0) }, now)).toBe('Saved 3 December 2024');
  });

  it('says what is going on while saving or waiting', () => {
    expect(saveStatusText({ kind: 'saving' }, now)).toBe('Saving…');
    expect(saveStatusText({ kind: 'dirty' }, now)).toBe('Unsaved changes');
  });

  it('puts the main side’s message after "Not saved:" and reads as one sentence', () => {
    expect(saveStatusText({ kind: 'failed', message: 'The disk is full. Your text is still in the editor.' }, now)).toBe(
      'Not saved: the disk is full. Your text is still in the editor.',
    );
    expect(saveStatusText({ kind: 'failed', message: 'the disk is full.' }, now)).toBe('Not saved: the disk is full.');
    // Names and acronyms keep their spelling.
    expect(saveStatusText({ kind: 'failed', message: 'WordPress refused the post.' }, now)).toBe('Not saved: WordPress refused the post.');
    expect(saveStatusText({ kind: 'failed', message: 'HTTP error' }, now)).toBe('Not saved: HTTP error');
    // The main side's own words already start so: said once, not "Not saved: not saved: …".
    expect(saveStatusText({ kind: 'failed', message: 'Not saved: the disk is full. Your text is still in the editor.' }, now)).toBe(
      'Not saved: the disk is full. Your text is still in the editor.',
    );
  });
});

describe('library wording', () => {
  it('counts words in plain words', () => {
    expect(formatWordCount(0)).toBe('0 words');
    expect(formatWordCount(1)).toBe('1 word');
    expect(formatWordCount(412)).toBe('412 words');
    expect(formatWordCount(1204)).toBe('1,204 words');
  });

  it('says when a draft was last saved', () => {
    expect(formatSavedWhen(new Date(2025, 2, 12, 10, 42), now)).toBe('Saved today 10:42');
    expect(formatSavedWhen(new Date(2025, 2, 11, 23, 59), now)).toBe('Saved yesterday 23:59');
    expect(formatSavedWhen(new Date(2025, 0, 1, 12, 0), now)).toBe('Saved 1 January 2025');
  });
});
