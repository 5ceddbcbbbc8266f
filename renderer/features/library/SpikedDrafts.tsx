import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/ipc/contract';
import { call, on } from '../../api/client';
import { formatLongDate, formatWordCount } from '../../lib/format';

type Spiked = MethodOutput<'drafts.listSpiked'>[number];

type ListState = { kind: 'loading' } | { kind: 'ready'; spiked: Spiked[] } | { kind: 'failed'; message: string };

const messageOf = (error: unknown, fallback: string): string => (error instanceof Error ? error.message : fallback);

/**
 * The spiked (trashed) drafts, behind "Show spiked drafts": each can be restored to the library
 * or deleted for good (asked inline, as moving to the trash is). Spikes older than 30 days are
 * deleted by the app at start-up.
 */
export function SpikedDrafts() {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    call('drafts.listSpiked', {}).then(
      (spiked) => {
        if (mine === generation.current) setState({ kind: 'ready', spiked });
      },
      (error: unknown) => {
        if (mine === generation.current) setState({ kind: 'failed', message: messageOf(error, 'The spiked drafts could not be listed.') });
      },
    );
  }, []);

  useEffect(() => {
    if (!open) return undefined;
    reload();
    const off = on('drafts.changed', () => reload());
    return () => {
      off();
      generation.current += 1;
    };
  }, [open, reload]);

  return (
    <section className="spiked" aria-label="Spiked">
      <button type="button" aria-expanded={open} onClick={() => setOpen((was) => !was)}>
        {open ? 'Hide spiked drafts' : 'Show spiked drafts'}
      </button>
      {open && state.kind === 'loading' && <p role="status">Loading spiked drafts…</p>}
      {open && state.kind === 'failed' && (
        <p role="alert" className="error-text">
          {state.message}
        </p>
      )}
      {open &&
        state.kind === 'ready' &&
        (state.spiked.length === 0 ? (
          <p className="empty">No spiked drafts.</p>
        ) : (
          <>
            <p className="draft-meta">Spiked drafts are deleted for good 30 days after they were spiked.</p>
            <ul className="draft-list" aria-label="Spiked drafts">
              {state.spiked.map((draft) => (
                <SpikedRow key={draft.id} draft={draft} onChanged={reload} />
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}

type RowState = { kind: 'idle' } | { kind: 'confirming' } | { kind: 'busy' } | { kind: 'failed'; message: string };

function SpikedRow({ draft, onChanged }: { draft: Spiked; onChanged: () => void }) {
  const [row, setRow] = useState<RowState>({ kind: 'idle' });
  const cancelButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const title = draft.headline.trim() || 'Untitled draft';

  useEffect(() => {
    if (row.kind === 'confirming') cancelButton.current?.focus();
    if (row.kind === 'idle' && returnFocus.current) {
      returnFocus.current = false;
      deleteButton.current?.focus();
    }
  }, [row.kind]);

  const run = async (method: 'drafts.restore' | 'drafts.purge', fallback: string) => {
    setRow({ kind: 'busy' });
    try {
      await call(method, { id: draft.id });
      onChanged();
    } catch (error) {
      setRow({ kind: 'failed', message: messageOf(error, fallback) });
    }
  };

  const cancel = () => {
    returnFocus.current = true;
    setRow({ kind: 'idle' });
  };

  const spikedAt = new Date(draft.spikedAt);
  return (
    <li className="draft-row">
      <div className="draft-main">
        <p className={`draft-title${draft.headline.trim() ? '' : ' untitled'}`}>{title}</p>
        <p className="draft-meta">
          {formatWordCount(draft.wordCount)} · Spiked {Number.isNaN(spikedAt.getTime()) ? '' : formatLongDate(spikedAt)}
        </p>
      </div>
      <div className="draft-actions">
        {row.kind === 'confirming' ? (
          <div className="confirm" role="group" aria-label={`Delete ${title} forever`}>
            <span>Delete forever?</span>
            <button type="button" className="danger" onClick={() => void run('drafts.purge', 'The draft could not be deleted.')}>
              Yes
            </button>
            <button type="button" ref={cancelButton} onClick={cancel}>
              Cancel
            </button>
          </div>
        ) : (
          <div className="confirm">
            <button type="button" onClick={() => void run('drafts.restore', 'The draft could not be restored.')} disabled={row.kind === 'busy'}>
              Restore
            </button>
            <button type="button" ref={deleteButton} className="danger" onClick={() => setRow({ kind: 'confirming' })} disabled={row.kind === 'busy'}>
              Delete forever
            </button>
          </div>
        )}
        {row.kind === 'failed' && (
          <p role="alert" className="error-text">
            {row.message}
          </p>
        )}
      </div>
    </li>
  );
}
