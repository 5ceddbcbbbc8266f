import { useState } from 'react';
import { call } from '../../api/client';
import { ImportButton } from '../import/ImportButton';
import { DraftRow } from './DraftRow';
import { ProblemsPanel } from './ProblemsPanel';
import { SearchResults } from './SearchResults';
import { SpikedDrafts } from './SpikedDrafts';
import { useDraftSearch } from './useDraftSearch';
import { useDrafts } from './useDrafts';

interface Props {
  onOpen: (id: string) => void;
  onOpenSettings: () => void;
}

/** The drafts library: start a draft, open one, move one to the trash, restore or delete spiked ones. */
export function LibraryScreen({ onOpen, onOpenSettings }: Props) {
  const { state, reload } = useDrafts();
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const search = useDraftSearch(query);

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
          <button type="button" className="primary" onClick={() => void create()} disabled={creating}>
            New draft
          </button>
          <ImportButton onImported={onOpen} />
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
              <ul className="draft-list" aria-label="Drafts">
                {state.drafts.map((draft) => (
                  <DraftRow key={draft.id} draft={draft} onOpen={onOpen} onTrashed={reload} />
                ))}
              </ul>
            )}
          </>
        )}
        {search.kind === 'idle' && <SpikedDrafts />}
      </main>
    </>
  );
}
