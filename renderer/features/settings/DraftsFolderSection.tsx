import { useEffect, useId, useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { FormOutcome } from '../../components/FormOutcome';

type View = MethodOutput<'settings.getDraftsFolder'>;
type Outcome = { kind: 'none' } | { kind: 'busy'; text: string } | { kind: 'error'; text: string };

const errorText = (error: unknown): string => (error instanceof Error ? error.message : 'Something went wrong. Please try again.');

/**
 * Where drafts are kept. A new folder is checked in main (it exists, is a folder, Newsroom can
 * write there) and used from the next start, so an open draft never ends up half in one folder
 * and half in another; "Restart now" gets there at once where the app can restart itself.
 */
export function DraftsFolderSection() {
  const [view, setView] = useState<View | null>(null);
  const [path, setPath] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const titleId = useId();
  const pathId = useId();

  useEffect(() => {
    let current = true;
    call('settings.getDraftsFolder', {}).then(
      (loaded) => current && setView(loaded),
      (error: unknown) => current && setOutcome({ kind: 'error', text: `Where drafts are kept could not be read: ${errorText(error)}` }),
    );
    return () => {
      current = false;
    };
  }, []);

  const choose = async (folder: string | null) => {
    setOutcome({ kind: 'busy', text: 'Checking the folder…' });
    try {
      setView(await call('settings.setDraftsFolder', { folder }));
      setPath('');
      setOutcome({ kind: 'none' });
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    }
  };
  const pick = async () => {
    try {
      const { folder } = await call('app.pickFolder', {});
      if (folder !== null) await choose(folder);
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    }
  };
  const usePath = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim() === '') return setOutcome({ kind: 'error', text: 'Type the path of the folder first.' });
    void choose(path);
  };
  const restart = async () => {
    setOutcome({ kind: 'busy', text: 'Restarting Newsroom…' });
    try {
      await call('app.restart', {});
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    }
  };

  const busy = outcome.kind === 'busy';
  return (
    <form className="settings-form drafts-folder" aria-labelledby={titleId} onSubmit={usePath} noValidate>
      <h2 id={titleId}>Drafts folder</h2>
      {view && (
        <p>
          Drafts are kept in <code>{view.folder}</code>
          {view.isDefault ? ' (the default folder).' : '.'}
        </p>
      )}
      {view?.next !== undefined && (
        <div role="note" className="drafts-folder-next">
          <p>Newsroom will use {view.next} after it restarts.</p>
          <button type="button" onClick={() => void restart()} disabled={busy}>
            Restart now
          </button>
        </div>
      )}
      <p>
        <button type="button" onClick={() => void pick()} disabled={busy || !view}>
          Choose folder…
        </button>{' '}
        <button type="button" onClick={() => void choose(null)} disabled={busy || !view || (view.isDefault && view.next === undefined)}>
          Use the default folder
        </button>
      </p>
      <label htmlFor={pathId}>Folder path</label>
      <input id={pathId} type="text" value={path} spellCheck={false} onChange={(event) => setPath(event.target.value)} />
      <button type="submit" disabled={busy || !view}>
        Use this folder
      </button>
      <FormOutcome error={outcome.kind === 'error' ? outcome.text : null} status={outcome.kind === 'busy' ? outcome.text : ''} />
    </form>
  );
}
