import type { DraftSummary } from '../../../shared/model/draft';
import { STATUS_LABELS, WORKFLOW_STATUSES, type WorkflowStatus } from '../../../shared/model/review';

/**
 * The library's filters, sorting and counts, over the summaries `drafts.list` returns. Pure and
 * run once per change of the list or of a control (the screen memoises it): 10,000 drafts are a
 * few passes over an array, with each date parsed once per pass and sort keys computed once.
 */
export type DraftState = DraftSummary['state'];
export type StatusFilter = 'all' | DraftState;
/** Where a story stands on the desk (issue 7): separate from whether it is live on a site. */
export type DeskFilter = 'all' | WorkflowStatus;
export type SortKey = 'edited' | 'created' | 'headline' | 'longest';

export interface LibraryFilters {
  status: StatusFilter;
  desk: DeskFilter;
  /** '' = every section. */
  section: string;
  /** '' = every author; otherwise one name from a byline. */
  author: string;
  /** `2026-11-28` from a date input, '' = open. Local calendar days, both ends included. */
  editedFrom: string;
  editedUntil: string;
}

export const NO_FILTERS: LibraryFilters = { status: 'all', desk: 'all', section: '', author: '', editedFrom: '', editedUntil: '' };

export const STATUS_OPTIONS: ReadonlyArray<{ value: StatusFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'live', label: 'Live' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'unpublished', label: 'Unpublished' },
];

export const DESK_OPTIONS: ReadonlyArray<{ value: DeskFilter; label: string }> = [
  { value: 'all', label: 'All' },
  ...WORKFLOW_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
];

export const SORT_OPTIONS: ReadonlyArray<{ value: SortKey; label: string }> = [
  { value: 'edited', label: 'Last edited' },
  { value: 'created', label: 'Created' },
  { value: 'headline', label: 'Headline A–Z' },
  { value: 'longest', label: 'Longest' },
];

export interface LibraryView {
  /** The drafts to show, filtered and sorted. */
  shown: DraftSummary[];
  total: number;
  /** Per status, among the drafts the other filters let through: what choosing it would show. */
  statusCounts: Record<StatusFilter, number>;
  /** The same for the desk status. */
  deskCounts: Record<DeskFilter, number>;
}

/** Start of a local day, or of the day after (for an inclusive "until"); NaN when empty or invalid. */
function localDayStart(day: string, plusDays = 0): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return Number.NaN;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).getTime();
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The sections and authors present, each once, alphabetically: the options of their selects. */
export function facetsOf(drafts: readonly DraftSummary[]): { sections: string[]; authors: string[] } {
  const sections = new Set<string>();
  const authors = new Set<string>();
  for (const draft of drafts) {
    const section = draft.section.trim();
    if (section !== '') sections.add(section);
    for (const name of draft.byline) if (name.trim() !== '') authors.add(name.trim());
  }
  return { sections: [...sections].sort(collator.compare), authors: [...authors].sort(collator.compare) };
}

/** Sorted copy; each key computed once per draft (a date parsed 10,000 times, not 130,000). */
function sorted(drafts: DraftSummary[], sort: SortKey): DraftSummary[] {
  if (sort === 'headline') {
    // Untitled drafts go last: an empty headline is not "before A".
    const keyed = drafts.map((draft) => ({ draft, key: draft.headline.trim() }));
    keyed.sort((a, b) => Number(a.key === '') - Number(b.key === '') || collator.compare(a.key, b.key));
    return keyed.map(({ draft }) => draft);
  }
  const keyOf =
    sort === 'longest'
      ? (draft: DraftSummary) => draft.wordCount
      : sort === 'created'
        ? (draft: DraftSummary) => Date.parse(draft.createdAt)
        : (draft: DraftSummary) => Date.parse(draft.updatedAt);
  const keyed = drafts.map((draft) => ({ draft, key: keyOf(draft) }));
  // Largest first: newest, longest. Equal keys keep the list's order (sort is stable).
  keyed.sort((a, b) => b.key - a.key);
  return keyed.map(({ draft }) => draft);
}

export function libraryView(drafts: readonly DraftSummary[], filters: LibraryFilters, sort: SortKey): LibraryView {
  const from = localDayStart(filters.editedFrom);
  const until = localDayStart(filters.editedUntil, 1);
  const section = filters.section;
  const author = filters.author;
  const statusCounts: Record<StatusFilter, number> = { all: 0, draft: 0, live: 0, scheduled: 0, unpublished: 0 };
  const deskCounts = Object.fromEntries(DESK_OPTIONS.map((option) => [option.value, 0])) as Record<DeskFilter, number>;
  const shown: DraftSummary[] = [];
  for (const draft of drafts) {
    if (section !== '' && draft.section.trim() !== section) continue;
    if (author !== '' && !draft.byline.some((name) => name.trim() === author)) continue;
    if (!Number.isNaN(from) || !Number.isNaN(until)) {
      const edited = Date.parse(draft.updatedAt);
      if (edited < from || edited >= until) continue;
    }
    // Each count is what choosing that option would show, with the other status filter applied.
    const stateOk = filters.status === 'all' || draft.state === filters.status;
    const deskOk = filters.desk === 'all' || draft.status === filters.desk;
    if (deskOk) {
      statusCounts.all += 1;
      statusCounts[draft.state] += 1;
    }
    if (stateOk) {
      deskCounts.all += 1;
      deskCounts[draft.status] += 1;
    }
    if (stateOk && deskOk) shown.push(draft);
  }
  return { shown: sorted(shown, sort), total: drafts.length, statusCounts, deskCounts };
}

/** "Showing 12 of 340 drafts". */
export function countText(view: Pick<LibraryView, 'shown' | 'total'>): string {
  const format = new Intl.NumberFormat('en-GB');
  return `Showing ${format.format(view.shown.length)} of ${format.format(view.total)} ${view.total === 1 ? 'draft' : 'drafts'}`;
}

export const filtersActive = (filters: LibraryFilters): boolean =>
  filters.status !== 'all' || filters.desk !== 'all' || filters.section !== '' || filters.author !== '' || filters.editedFrom !== '' || filters.editedUntil !== '';
