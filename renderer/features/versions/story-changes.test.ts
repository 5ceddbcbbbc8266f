import { describe, expect, it } from 'vitest';
import { body, element, paragraph, text } from '../../../shared/editor/article-fixture';
import { newArticle } from '../../../shared/model/article';
import { bodyDiff, bodyText, fieldChanges } from './story-changes';
import { newestFirst, versionLabel } from './version-label';

const story = (words: string[], fields: Parameters<typeof newArticle>[0] = {}) =>
  newArticle({ headline: 'Council budget', ...fields, body: body(...words.map((w) => paragraph(text(w)))) });

describe('fieldChanges', () => {
  it('lists only the fields that differ, with their labels, and lists as lists', () => {
    const before = story([], { byline: ['Ana Ruiz'], tags: ['council'], dateline: { place: 'Ávila', date: '2026-11-28' } });
    const after = story([], {
      headline: 'Council passes budget',
      byline: ['Ana Ruiz', 'Luis Polo'],
      tags: ['council'],
      dateline: { place: 'Ávila', date: '2026-11-29' },
      targetWords: 400,
    });
    expect(fieldChanges(before, after)).toEqual([
      { label: 'Headline', list: false, before: ['Council budget'], after: ['Council passes budget'] },
      { label: 'Byline', list: true, before: ['Ana Ruiz'], after: ['Ana Ruiz', 'Luis Polo'] },
      { label: 'Dateline', list: false, before: ['ÁVILA, 28 November 2026'], after: ['ÁVILA, 29 November 2026'] },
      { label: 'Target length', list: false, before: [], after: ['400 words'] },
    ]);
  });

  it('finds nothing between two equal stories, whatever their bodies', () => {
    expect(fieldChanges(story(['One']), story(['Two']))).toEqual([]);
  });

  it('reports the editorial note and the featured picture', () => {
    const asset = `${'a'.repeat(16)}.png`;
    const after = story([], { editorialNote: 'Check the figures', featuredImage: { asset, alt: 'The hall', caption: '', credit: '' } });
    expect(fieldChanges(story([]), after).map((change) => change.label)).toEqual([
      'Featured image',
      'Alt text of the featured image',
      'Editorial note',
    ]);
  });
});

describe('bodyDiff', () => {
  it('marks inserted and removed words between the bodies', () => {
    const parts = bodyDiff(story(['The council met today.']), story(['The city council met late today.']));
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['city', 'late']);
    expect(parts.filter((p) => p.kind === 'removed')).toEqual([]);
    const back = bodyDiff(story(['The city council met.']), story(['The council met.']));
    expect(back.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['city']);
  });

  it('keeps paragraphs apart in the text it compares', () => {
    expect(bodyText(story(['First.', 'Second.']))).toBe('First.\n\nSecond.');
  });
});

describe('versionLabel', () => {
  it('calls typing bursts Autosaved and named versions by their name', () => {
    expect(versionLabel({ kind: 'auto' })).toBe('Autosaved');
    expect(versionLabel({ kind: 'auto', name: 'ignored' })).toBe('Autosaved');
    expect(versionLabel({ kind: 'published', name: 'Published to Daily site' })).toBe('Published to Daily site');
    expect(versionLabel({ kind: 'filed' })).toBe('Filed');
    expect(versionLabel({ kind: 'restored', name: 'Before restoring Filed' })).toBe('Before restoring Filed');
  });

  it('orders versions newest first', () => {
    const meta = (savedAt: string) => ({
      id: savedAt,
      draftId: 'd',
      revision: 1,
      savedAt,
      kind: 'auto' as const,
      headline: '',
      wordCount: 0,
    });
    const sorted = newestFirst([meta('2026-11-28T10:00:00Z'), meta('2026-11-28T12:00:00Z'), meta('2026-11-28T11:00:00Z')]);
    expect(sorted.map((v) => v.savedAt)).toEqual(['2026-11-28T12:00:00Z', '2026-11-28T11:00:00Z', '2026-11-28T10:00:00Z']);
  });
});

describe('bodyDiff read with suggestions accepted ("changes since filed")', () => {
  const by = { name: 'Ben Cole', initials: 'BC', at: '2026-03-02T10:42:00.000Z' };
  const suggestion = (kind: 'insert' | 'delete', id: string, words: string) =>
    element('suggestion', [text(words)], { suggestion: { id, kind, by } });

  it('shows an editor’s pending insertion as added and deletion as removed', () => {
    const filed = story(['The council met on Tuesday.']);
    const edited = newArticle({
      headline: 'Council budget',
      body: body(paragraph(text('The council '), suggestion('delete', 's1', 'met'), suggestion('insert', 's2', 'voted'), text(' on Tuesday.'))),
    });
    const parts = bodyDiff(filed, edited, 'accepted');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['met']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['voted']);
    // Read as the original (suggestions rejected), nothing changed.
    expect(bodyDiff(filed, edited).every((p) => p.kind === 'same')).toBe(true);
  });
});
