import { useEffect, useState } from 'react';
import { DEFAULT_HOUSE_PROFILE, type HouseProfile } from '../../../../shared/model/house-profile';
import { call } from '../../../api/client';

export type HouseProfileLoad =
  | { kind: 'loading'; profile: null }
  | { kind: 'ready'; profile: HouseProfile }
  /** The defaults apply, and the journalist is told why. */
  | { kind: 'failed'; profile: HouseProfile; message: string };

/** The desk's house rules, read once per open draft (Settings is another screen, so a change there reopens this). */
export function useHouseProfile(): HouseProfileLoad {
  const [load, setLoad] = useState<HouseProfileLoad>({ kind: 'loading', profile: null });
  useEffect(() => {
    let current = true;
    call('settings.getHouseProfile', {}).then(
      (profile) => current && setLoad({ kind: 'ready', profile }),
      (error: unknown) =>
        current &&
        setLoad({
          kind: 'failed',
          profile: DEFAULT_HOUSE_PROFILE,
          message: `The house rules could not be read (${error instanceof Error ? error.message : 'unknown error'}); the default rules apply.`,
        }),
    );
    return () => {
      current = false;
    };
  }, []);
  return load;
}
