import type { DeskFilter, LibraryFilters, LibraryView, SortKey, StatusFilter } from './library-view';
import { countText, DESK_OPTIONS, filtersActive, NO_FILTERS, SORT_OPTIONS, STATUS_OPTIONS } from './library-view';
import './library-filters.css';

interface Props {
  filters: LibraryFilters;
  onFilters: (filters: LibraryFilters) => void;
  sort: SortKey;
  onSort: (sort: SortKey) => void;
  sections: readonly string[];
  authors: readonly string[];
  view: LibraryView;
}

/**
 * The library's filter bar: status (with how many drafts each would show), section, author, the
 * days a draft was last edited, the order, and how many drafts are shown of how many there are.
 */
export function LibraryFilterBar({ filters, onFilters, sort, onSort, sections, authors, view }: Props) {
  const set = <K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K]) => onFilters({ ...filters, [key]: value });
  return (
    <div className="library-filters" role="group" aria-label="Filter and sort drafts">
      <div className="field">
        <label htmlFor="library-status">Status</label>
        <select id="library-status" value={filters.status} onChange={(event) => set('status', event.target.value as StatusFilter)}>
          {STATUS_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label} ({view.statusCounts[option.value]})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="library-desk">Desk status</label>
        <select id="library-desk" value={filters.desk} onChange={(event) => set('desk', event.target.value as DeskFilter)}>
          {DESK_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label} ({view.deskCounts[option.value]})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="library-section">Section</label>
        <select id="library-section" value={filters.section} onChange={(event) => set('section', event.target.value)}>
          <option value="">All sections</option>
          {sections.map((section) => (
            <option key={section} value={section}>
              {section}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="library-author">Author</label>
        <select id="library-author" value={filters.author} onChange={(event) => set('author', event.target.value)}>
          <option value="">All authors</option>
          {authors.map((author) => (
            <option key={author} value={author}>
              {author}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="library-from">Edited from</label>
        <input id="library-from" type="date" value={filters.editedFrom} max={filters.editedUntil || undefined} onChange={(event) => set('editedFrom', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="library-until">Edited until</label>
        <input id="library-until" type="date" value={filters.editedUntil} min={filters.editedFrom || undefined} onChange={(event) => set('editedUntil', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="library-sort">Sort by</label>
        <select id="library-sort" value={sort} onChange={(event) => onSort(event.target.value as SortKey)}>
          {SORT_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="library-count">
        <p role="status">{countText(view)}</p>
        {filtersActive(filters) && (
          <button type="button" onClick={() => onFilters(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
