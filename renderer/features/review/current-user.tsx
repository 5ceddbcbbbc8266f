import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Stamp, User } from '../../../shared/model/review';
import { call } from '../../api/client';

/**
 * Who is at this machine (issue 7): read once from main, shared by every screen. Comments and
 * suggestions made in the renderer are stamped with it; status changes and versions are stamped
 * in main from the same setting.
 */
export interface CurrentUser {
  /** Null until the person has said who they are (first run), or while it is loading. */
  user: User | null;
  loaded: boolean;
  installId: string;
  /** Saves the name and initials, and every screen follows. */
  save(user: User): Promise<User>;
  /** The stamp for something done now; null without a user. */
  stamp(): Stamp | null;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ user: User | null; installId: string; loaded: boolean }>({ user: null, installId: '', loaded: false });

  useEffect(() => {
    let current = true;
    call('settings.getUser', {}).then(
      (value) => current && setState({ ...value, loaded: true }),
      () => current && setState((prev) => ({ ...prev, loaded: true })),
    );
    return () => {
      current = false;
    };
  }, []);

  const save = useCallback(async (user: User) => {
    const saved = await call('settings.saveUser', user);
    setState((prev) => ({ ...prev, user: saved }));
    return saved;
  }, []);

  const value = useMemo<CurrentUser>(
    () => ({
      ...state,
      save,
      stamp: () => (state.user === null ? null : { name: state.user.name, initials: state.user.initials, at: new Date().toISOString() }),
    }),
    [state, save],
  );
  return <CurrentUserContext.Provider value={value}>{children}</CurrentUserContext.Provider>;
}

/** Outside a provider (component tests), an anonymous reviewer that cannot save. */
const NO_PROVIDER: CurrentUser = {
  user: null,
  loaded: true,
  installId: '',
  save: () => Promise.reject(new Error('No user settings here.')),
  stamp: () => null,
};

export const useCurrentUser = (): CurrentUser => useContext(CurrentUserContext) ?? NO_PROVIDER;
