import { useId, useState, type ChangeEvent } from 'react';
import { call } from '../../api/client';
import { IMPORT_ACCEPT } from './formats';
import './import.css';

interface Props {
  /** Opens the new draft once it is created. */
  onImported: (id: string) => void;
}

type State = { kind: 'idle' } | { kind: 'importing'; name: string } | { kind: 'failed'; message: string };

/**
 * "Import…" in the library: a Word, Markdown, web page or text file becomes a new draft. The file is
 * converted here in the renderer (read-file.ts) and only the article goes to the main process.
 */
export function ImportButton({ onImported }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const inputId = useId();

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clear the input so choosing the same file again still fires a change.
    input.value = '';
    if (!file) return;
    setState({ kind: 'importing', name: file.name });
    try {
      const { articleFromFile } = await import('./read-file');
      const article = await articleFromFile(file);
      const draft = await call('drafts.create', { article: { ...article.fields, headline: article.headline, body: article.body } });
      setState({ kind: 'idle' });
      onImported(draft.id);
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : `${file.name} could not be imported.` });
    }
  };

  return (
    <div className="import-control">
      <label htmlFor={inputId} className={`button import-button${state.kind === 'importing' ? ' is-busy' : ''}`}>
        Import…
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        aria-label="Import file"
        accept={IMPORT_ACCEPT}
        disabled={state.kind === 'importing'}
        onChange={(event) => void importFile(event)}
      />
      {state.kind === 'importing' && (
        <p role="status" className="import-status">
          Importing {state.name}…
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" className="error-text import-status">
          {state.message}
        </p>
      )}
    </div>
  );
}
