import { useEffect, useState } from 'react';
import { invoke } from '../../api/client';

/**
 * Tracks `navigator.onLine` and, when the network comes back, tells the outbox (`outbox.wake`) so
 * jobs waiting on the network go at once instead of at the end of their backoff. The browser's
 * "online" only means a network is there, not that the CMS answers; the outbox still decides.
 */
export function useWakeWhenOnline(): { online: boolean; wakeError: string | null } {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const [wakeError, setWakeError] = useState<string | null>(null);

  useEffect(() => {
    const wentOnline = () => {
      setOnline(true);
      void invoke('outbox.wake', {})
        .catch((error: unknown) => ({ ok: false as const, error: { message: error instanceof Error ? error.message : 'no answer' } }))
        .then((result) => setWakeError(result.ok ? null : `The outbox could not be woken: ${result.error.message}`));
    };
    const wentOffline = () => setOnline(false);
    window.addEventListener('online', wentOnline);
    window.addEventListener('offline', wentOffline);
    return () => {
      window.removeEventListener('online', wentOnline);
      window.removeEventListener('offline', wentOffline);
    };
  }, []);

  return { online, wakeError };
}
