import { useCallback, useState } from 'react';
import type { Draft } from '../../../shared/model/draft';
import type { VersionMeta } from '../../../shared/model/versions';
import { call } from '../../api/client';
import { formatLocal } from '../publishing/time-format';
import { versionLabel } from './version-label';

export interface Outcome {
  error: string | null;
  status: string;
}

interface Options {
  draftId: string;
  /** Saves what is pending in the editor; false when that save failed (the save indicator says why). */
  flush: () => Promise<boolean>;
  onNamed: () => void;
  onRestored: (draft: Draft) => void;
}

const NOT_SAVED = 'Your latest edits could not be saved, so nothing was done. The save indicator above says why.';
const messageOf = (error: unknown, fallback: string): string => (error instanceof Error ? error.message : fallback);

/**
 * Naming and restoring. Both act on the saved draft in main, so whatever is still waiting in the
 * autosave is saved first: a name must cover the words on screen, and a restore must keep them in
 * the "Before restoring" version rather than drop them.
 */
export function useVersionActions({ draftId, flush, onNamed, onRestored }: Options) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ error: null, status: '' });

  const run = useCallback(
    async (working: string, action: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setOutcome({ error: null, status: working });
      try {
        if (!(await flush())) {
          setOutcome({ error: NOT_SAVED, status: '' });
          return false;
        }
        await action();
        return true;
      } catch (error) {
        setOutcome({ error: messageOf(error, 'That did not work.'), status: '' });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [flush],
  );

  const name = useCallback(
    (versionName: string) =>
      run('Naming this version…', async () => {
        const version = await call('versions.name', { draftId, name: versionName });
        setOutcome({ error: null, status: `Kept as “${versionLabel(version)}”, ${formatLocal(version.savedAt)}.` });
        onNamed();
      }),
    [run, draftId, onNamed],
  );

  const restore = useCallback(
    (version: VersionMeta) =>
      run('Restoring…', async () => {
        const draft = await call('versions.restore', { draftId, versionId: version.id });
        onRestored(draft);
      }),
    [run, draftId, onRestored],
  );

  return { busy, outcome, name, restore };
}
