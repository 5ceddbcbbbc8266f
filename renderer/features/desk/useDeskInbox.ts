import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/result';
import { invoke } from '../../api/client';
import { hasDesk } from './desk-words';

export type DeskStory = MethodOutput<'desk.list'>['stories'][number];
export interface DeskSite {
  id: string;
  name: string;
}

export type InboxLoad =
  | { kind: 'loading' }
  /** No WordPress or Ghost destination: there is no desk to list. */
  | { kind: 'no-desk' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; stories: DeskStory[] };

const OFFLINE = new Set(['UNREACHABLE', 'TIMEOUT']);
const SIGN_IN = new Set(['AUTH_FAILED', 'FORBIDDEN']);

/** A refused listing in the words a journalist acts on. */
export function listFailure(error: AppError, site: string): string {
  if (OFFLINE.has(error.code)) return `${site} cannot be reached, so the desk inbox cannot be read. Check the connection and try again; your drafts still work offline.`;
  if (SIGN_IN.has(error.code)) return `${site} refused the sign-in: ${error.message} Fix the account in Settings → Publishing, then try again.`;
  return `The desk inbox on ${site} could not be read: ${error.message}`;
}

const thrownError = (error: unknown): AppError => ({ code: 'INTERNAL', message: error instanceof Error ? error.message : 'unknown error' });

/**
 * The desk inbox's data: the WordPress and Ghost destinations (the desk's default first), the one
 * chosen, and the stories waiting for review there. Only the newest request may write the list,
 * so switching sites quickly never shows one site's stories under another's name.
 */
export function useDeskInbox() {
  const [sites, setSites] = useState<DeskSite[]>([]);
  const [siteId, setSiteId] = useState<string | null>(null);
  const [load, setLoad] = useState<InboxLoad>({ kind: 'loading' });
  const generation = useRef(0);

  const list = useCallback(async (site: DeskSite) => {
    const mine = ++generation.current;
    setLoad({ kind: 'loading' });
    const result = await invoke('desk.list', { profileId: site.id }).catch((error: unknown) => ({ ok: false as const, error: thrownError(error) }));
    if (mine !== generation.current) return;
    setLoad(result.ok ? { kind: 'ready', stories: result.value.stories } : { kind: 'failed', message: listFailure(result.error, site.name) });
  }, []);

  useEffect(() => {
    let current = true;
    invoke('profiles.list', {})
      .catch((error: unknown) => ({ ok: false as const, error: thrownError(error) }))
      .then((result) => {
        if (!current) return;
        if (!result.ok) {
          setLoad({ kind: 'failed', message: `The destinations could not be read: ${result.error.message}` });
          return;
        }
        const desks = result.value.profiles.filter((p) => hasDesk(p.kind)).map((p) => ({ id: p.id, name: p.name }));
        const def = desks.find((d) => d.id === result.value.defaultProfileId);
        const ordered = def ? [def, ...desks.filter((d) => d !== def)] : desks;
        setSites(ordered);
        const first = ordered[0];
        if (first === undefined) {
          setLoad({ kind: 'no-desk' });
          return;
        }
        setSiteId(first.id);
        void list(first);
      });
    return () => {
      current = false;
    };
  }, [list]);

  const site = sites.find((s) => s.id === siteId) ?? null;
  const choose = (id: string) => {
    const next = sites.find((s) => s.id === id);
    if (!next) return;
    setSiteId(id);
    void list(next);
  };
  const reload = () => {
    if (site) void list(site);
  };

  return { sites, site, load, choose, reload };
}
