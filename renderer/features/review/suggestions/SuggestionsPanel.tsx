import { useState } from 'react';
import { formatLocal } from '../../publishing/time-format';
import {
  $acceptSuggestion,
  $rejectSuggestion,
  $resolveAll,
  $selectSuggestion,
  type SuggestionSummary,
} from '../../../../shared/editor/review/suggestions';
import { describe as describeChange } from '../../../../shared/editor/nodes/suggestion-node';
import type { ReviewProps } from '../review-props';
import { useSuggestions } from './useSuggestions';
import './suggestions.css';

const QUOTE_LIMIT = 60;

/** "Inserted “a new line”", "Deleted “old”", "Made bold “this”". */
export function summarize(item: SuggestionSummary): string {
  const text = item.text.length > QUOTE_LIMIT ? `${item.text.slice(0, QUOTE_LIMIT - 1)}…` : item.text;
  return `${describeChange(item)} “${text}”`;
}

/** Stamps read like every other time in the app (sign-offs, the publish log). */
const when = (at: string): string => formatLocal(at);

/**
 * Suggested changes in the draft (issue 7), in document order: accept or reject one, all from one
 * person, or all. Clicking one selects its text in the story.
 */
export function SuggestionsPanel({ editor }: ReviewProps) {
  const items = useSuggestions(editor);
  const [gone, setGone] = useState<string | null>(null);
  const authors = [...new Map(items.map((item) => [item.by.name, item.by])).values()];

  const change = (run: () => unknown): void => {
    setGone(null);
    editor?.update(() => void run());
  };
  const resolveOne = (id: string, accept: boolean): void =>
    change(() => {
      const found = accept ? $acceptSuggestion(id) : $rejectSuggestion(id);
      if (!found) setGone('That suggestion is no longer in the text.');
    });
  const show = (id: string): void => {
    if (editor === null) return;
    editor.focus();
    change(() => $selectSuggestion(id) || setGone('That suggestion is no longer in the text.'));
  };

  return (
    <section className="suggestions-panel" aria-label="Suggested changes">
      <h2>Suggested changes</h2>
      {items.length === 0 ? (
        <p>No suggested changes.</p>
      ) : (
        <>
          <div className="suggestions-bulk" role="group" aria-label="All suggested changes">
            <button type="button" onClick={() => change(() => $resolveAll({}, true))}>
              Accept all
            </button>
            <button type="button" onClick={() => change(() => $resolveAll({}, false))}>
              Reject all
            </button>
          </div>
          {authors.length > 0 && (
            <div className="suggestions-bulk" role="group" aria-label="Suggested changes by person">
              {authors.map((author) => (
                <span key={author.name}>
                  <button type="button" onClick={() => change(() => $resolveAll({ by: author.name }, true))}>
                    Accept all from {author.name}
                  </button>
                  <button type="button" onClick={() => change(() => $resolveAll({ by: author.name }, false))}>
                    Reject all from {author.name}
                  </button>
                </span>
              ))}
            </div>
          )}
          <ol aria-label="Pending suggestions">
            {items.map((item) => {
              const summary = summarize(item);
              return (
                <li key={item.id} data-suggestion-id={item.id}>
                  <button type="button" className="suggestion-summary" onClick={() => show(item.id)} aria-label={`${summary} by ${item.by.name}: show in the text`}>
                    <span className="suggestion-initials" aria-hidden="true">
                      {item.by.initials}
                    </span>
                    <span>{item.by.name}</span>
                    <time className="suggestion-when" dateTime={item.by.at}>
                      {when(item.by.at)}
                    </time>
                    <span className="suggestion-what">{summary}</span>
                  </button>
                  <div className="suggestion-actions">
                    <button type="button" aria-label={`Accept: ${summary}`} onClick={() => resolveOne(item.id, true)}>
                      Accept
                    </button>
                    <button type="button" aria-label={`Reject: ${summary}`} onClick={() => resolveOne(item.id, false)}>
                      Reject
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
      {gone !== null && (
        <p role="alert" className="error-text">
          {gone}
        </p>
      )}
    </section>
  );
}
