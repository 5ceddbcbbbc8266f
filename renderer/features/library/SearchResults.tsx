import type { SearchState } from './useDraftSearch';
import { MarkedText } from './MarkedText';

interface Props {
  state: SearchState;
  onOpen: (id: string) => void;
}

/** What a search found: headlines and body snippets with the matches marked. */
export function SearchResults({ state, onOpen }: Props) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'searching') return <p role="status">Searching…</p>;
  if (state.kind === 'failed') {
    return (
      <p role="alert" className="error-text">
        {state.message}
      </p>
    );
  }
  const { total, hits, indexing } = state.results;
  return (
    <section aria-label="Search results">
      <p role="status">
        {total === 0 ? 'No drafts match.' : total === 1 ? '1 draft matches.' : `${total} drafts match.`}
        {indexing > 0 && ` Still indexing ${indexing} draft${indexing === 1 ? '' : 's'}; results may be incomplete.`}
      </p>
      <ul className="draft-list search-results">
        {hits.map((hit) => (
          <li key={hit.id} className="draft-row">
            <button type="button" className="draft-open" onClick={() => onOpen(hit.id)}>
              <span className="draft-headline">
                {hit.headline.text.trim() ? <MarkedText text={hit.headline.text} marks={hit.headline.marks} /> : 'Untitled draft'}
              </span>
              {hit.snippet && (
                <span className="draft-snippet">
                  <MarkedText text={hit.snippet.text} marks={hit.snippet.marks} />
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
