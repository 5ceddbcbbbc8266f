import { useMemo, useState } from 'react';
import { DeskInboxButton } from '../desk/DeskInboxButton';
import { call } from '../../api/client';
import { ImportButton } from '../import/ImportButton';
import { NewFromTemplate } from '../templates/NewFromTemplate';
import { DraftRow } from './DraftRow';
import { LibraryFilterBar } from './LibraryFilterBar';
import { facetsOf, libraryView, NO_FILTERS, type LibraryFilters, type SortKey } from './library-view';
import { ProblemsPanel } from './ProblemsPanel';
import { SearchResults } from './SearchResults';
import { SpikedDrafts } from './SpikedDrafts';
import { useDraftSearch } from './useDraftSearch';
import { useDrafts } from './useDrafts';

interface Props {
  onOpen: (id: string) => void;
  onOpenSettings: () => void;
}

/**
 * The drafts library: start a draft (blank or from a template), find one (search, or filters and
 * sorting over the list), open, duplicate, move to the trash, restore or delete spiked ones.
 */
export function LibraryScreen({ onOpen, onOpenSettings }: Props) {
  const { state, reload } = useDrafts();
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const search = useDraftSearch(query);
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortKey>('edited');
  // Once per change of the list or of a control, never per row or per render.
  const drafts = state.kind === 'ready' ? state.drafts : null;
  const facets = useMemo(() => facetsOf(drafts ?? []), [drafts]);
  const view = useMemo(() => libraryView(drafts ?? [], filters, sort), [drafts, filters, sort]);

  const create = async () => {
    setCreating(true);
    setCreateError(null);
    try {
      const draft = await call('drafts.create', {});
      onOpen(draft.id);
    } catch (error) {
      setCreateError(error instanceof Error ? error.message : 'The draft could not be created.');
      setCreating(false);
    }
  };

  return (
    <>
      <header className="app-header">
        <h1 className="app-title" tabIndex={-1}>
          Drafts
        </h1>
        <div className="header-actions">
          <div className="new-draft-split">
            <button type="button" className="primary" onClick={() => void create()} disabled={creating}>
              New draft
            </button>
            <NewFromTemplate onOpen={onOpen} disabled={creating} />
          </div>
          <ImportButton onImported={onOpen} />
          <DeskInboxButton onOpen={onOpen} />
          <button type="button" onClick={onOpenSettings}>
            Settings
          </button>
        </div>
      </header>
      <main className="screen library">
        {createError && (
          <p role="alert" className="error-text">
            {createError}
          </p>
        )}
        <div className="field library-search">
          <label htmlFor="library-search">Search drafts</label>
          <input
            id="library-search"
            type="search"
            placeholder="Headline or words in the story"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <SearchResults state={search} onOpen={onOpen} />
        {search.kind === 'idle' && state.kind === 'loading' && <p role="status">Loading drafts…</p>}
        {search.kind === 'idle' && state.kind === 'failed' && (
          <p role="alert" className="error-text">
            {state.message}
          </p>
        )}
        {search.kind === 'idle' && state.kind === 'ready' && (
          <>
            <ProblemsPanel problems={state.problems} />
            {state.drafts.length === 0 ? (
              <p className="empty">No drafts yet. Start one with New draft.</p>
            ) : (
              <>
                <LibraryFilterBar
                  filters={filters}
                  onFilters={setFilters}
                  sort={sort}
                  onSort={setSort}
                  sections={facets.sections}
                  authors={facets.authors}
                  view={view}
                />
                {view.shown.length === 0 ? (
                  <p className="empty">No drafts match these filters.</p>
                ) : (
                  <ul className="draft-list" aria-label="Drafts">
                    {view.shown.map((draft) => (
                      <DraftRow key={draft.id} draft={draft} onOpen={onOpen} onTrashed={reload} />
                    ))}
                  </ul>
                )}
              </>
            )}
          </>
        )}
        {search.kind === 'idle' && <SpikedDrafts />}
      </main>
    </>
  );
}
