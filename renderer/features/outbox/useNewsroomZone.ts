import { useEffect, useState } from 'react';
import { invoke } from '../../api/client';

/**
 * The newsroom's time zone from the house profile, so an embargo reads in the desk's time and the
 * journalist's. Undefined until read, or when it cannot be: embargo times then read in local time
 * only, which is still true.
 */
export function useNewsroomZone(active: boolean): string | undefined {
  const [zone, setZone] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!active) return;
    let current = true;
    void invoke('settings.getHouseProfile', {})
      .then((result) => {
        if (current && result.ok) setZone(result.value.timeZone);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [active]);

  return zone;
}
