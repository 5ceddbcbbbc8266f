import { describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../../shared/model/draft';
import { countText, facetsOf, libraryView, NO_FILTERS, type LibraryFilters } from './library-view';

let n = 0;
function summary(fields: Partial<DraftSummary>): DraftSummary {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    headline: `Story ${n}`,
    wordCount: 100,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    published: false,
    section: '',
    byline: [],
    state: 'draft',
    status: 'draft',
    ...fields,
  };
}

/** Local noon of a calendar day, as an ISO string: safely inside that local day in any time zone. */
const localNoon = (y: number, m: number, d: number): string => new Date(y, m - 1, d, 12).toISOString();

const budget = summary({ headline: 'Budget passes', section: 'Politics', byline: ['Ana Ruiz'], state: 'live', wordCount: 900, createdAt: '2026-01-05T08:00:00.000Z', updatedAt: localNoon(2026, 3, 10) });
const match = summary({ headline: 'derby ends level', section: 'Sport', byline: ['Bo Li'], state: 'scheduled', wordCount: 300, createdAt: '2026-02-01T08:00:00.000Z', updatedAt: localNoon(2026, 3, 12) });
const floods = summary({ headline: 'Floods close ring road', section: 'Local', byline: ['Ana Ruiz', 'Bo Li'], state: 'draft', wordCount: 450, createdAt: '2026-03-01T08:00:00.000Z', updatedAt: localNoon(2026, 3, 11) });
const untitled = summary({ headline: '', section: 'Politics', state: 'draft', wordCount: 10, createdAt: '2025-12-01T08:00:00.000Z', updatedAt: localNoon(2026, 3, 9) });
const pulled = summary({ headline: 'Apology', section: 'Politics', byline: [' Ana Ruiz '], state: 'unpublished', wordCount: 50, createdAt: '2026-03-02T08:00:00.000Z', updatedAt: localNoon(2026, 3, 13) });
const all = [budget, match, floods, untitled, pulled];

const headlines = (drafts: DraftSummary[]): string[] => drafts.map((d) => d.headline);
const view = (filters: Partial<LibraryFilters>, sort: Parameters<typeof libraryView>[2] = 'edited') => libraryView(all, { ...NO_FILTERS, ...filters }, sort);

describe('library view', () => {
  it('shows every draft, last edited first, with counts per status', () => {
    const everything = view({});
    expect(headlines(everything.shown)).toEqual(['Apology', 'derby ends level', 'Floods close ring road', 'Budget passes', '']);
    expect(everything.statusCounts).toEqual({ all: 5, draft: 2, live: 1, scheduled: 1, unpublished: 1 });
    expect(countText(everything)).toBe('Showing 5 of 5 drafts');
  });

  it('filters by status, section and author together; status counts follow the other filters', () => {
    const politics = view({ section: 'Politics' });
    expect(headlines(politics.shown)).toEqual(['Apology', 'Budget passes', '']);
    expect(politics.statusCounts).toEqual({ all: 3, draft: 1, live: 1, scheduled: 0, unpublished: 1 });

    const liveInPolitics = view({ section: 'Politics', status: 'live' });
    expect(headlines(liveInPolitics.shown)).toEqual(['Budget passes']);
    expect(liveInPolitics.statusCounts.all).toBe(3); // the status choice does not change its own counts
    expect(countText(liveInPolitics)).toBe('Showing 1 of 5 drafts');

    // An author is any one name of a byline, spaces around it ignored.
    expect(headlines(view({ author: 'Ana Ruiz' }).shown)).toEqual(['Apology', 'Floods close ring road', 'Budget passes']);
    expect(headlines(view({ author: 'Bo Li', status: 'draft' }).shown)).toEqual(['Floods close ring road']);
  });

  it('keeps drafts edited within the local days given, both days included; either end may be open', () => {
    expect(headlines(view({ editedFrom: '2026-03-10', editedUntil: '2026-03-11' }).shown)).toEqual(['Floods close ring road', 'Budget passes']);
    expect(headlines(view({ editedFrom: '2026-03-12' }).shown)).toEqual(['Apology', 'derby ends level']);
    expect(headlines(view({ editedUntil: '2026-03-09' }).shown)).toEqual(['']);
    expect(view({ editedFrom: '2026-03-14' }).statusCounts.all).toBe(0);
  });

  it('sorts by created (newest first), headline A–Z (case and untitled aside) and longest', () => {
    expect(headlines(view({}, 'created').shown)).toEqual(['Apology', 'Floods close ring road', 'derby ends level', 'Budget passes', '']);
    expect(headlines(view({}, 'headline').shown)).toEqual(['Apology', 'Budget passes', 'derby ends level', 'Floods close ring road', '']);
    expect(view({}, 'longest').shown.map((d) => d.wordCount)).toEqual([900, 450, 300, 50, 10]);
  });

  it('offers the sections and authors present, each once, alphabetically', () => {
    expect(facetsOf(all)).toEqual({ sections: ['Local', 'Politics', 'Sport'], authors: ['Ana Ruiz', 'Bo Li'] });
  });

  it('says one draft in the singular and groups thousands', () => {
    expect(countText({ shown: [budget], total: 1 })).toBe('Showing 1 of 1 draft');
    expect(countText({ shown: all, total: 10_000 })).toBe('Showing 5 of 10,000 drafts');
  });

  it('filters and counts 10,000 drafts correctly (its speed is measured by the library bench, not here)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      summary({ section: ['A', 'B', 'C'][i % 3]!, byline: [`Writer ${i % 40}`], updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), state: i % 5 === 0 ? 'live' : 'draft' }),
    );
    const result = libraryView(many, { ...NO_FILTERS, section: 'B' }, 'headline');
    expect(result.statusCounts.all).toBe(3333);
    expect(facetsOf(many).sections).toEqual(['A', 'B', 'C']);
  });
});

describe('desk status filter', () => {
  const filed = summary({ headline: 'Filed story', state: 'draft', status: 'filed' });
  const editing = summary({ headline: 'In edit story', state: 'live', status: 'in-edit' });
  const desk = [...all, filed, editing];
  const deskView = (filters: Partial<LibraryFilters>) => libraryView(desk, { ...NO_FILTERS, ...filters }, 'headline');

  it('shows only the stories at one desk status, with a count per desk status', () => {
    const everything = deskView({});
    expect(everything.deskCounts).toEqual({ all: 7, draft: 5, filed: 1, 'in-edit': 1, ready: 0, published: 0, spiked: 0 });
    expect(headlines(deskView({ desk: 'filed' }).shown)).toEqual(['Filed story']);
  });

  it('counts each status filter among the drafts the other one lets through', () => {
    const liveOnly = deskView({ status: 'live' });
    expect(liveOnly.deskCounts).toMatchObject({ all: 2, draft: 1, 'in-edit': 1, filed: 0 });
    const inEdit = deskView({ desk: 'in-edit' });
    expect(inEdit.statusCounts).toEqual({ all: 1, draft: 0, live: 1, scheduled: 0, unpublished: 0 });
    expect(headlines(deskView({ desk: 'in-edit', status: 'draft' }).shown)).toEqual([]);
  });
});
