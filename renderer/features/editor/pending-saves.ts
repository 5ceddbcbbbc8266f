/**
 * Everything that may hold unsaved text registers a flush here, so the one `app.flushRequested`
 * listener (App.tsx) can save it all before the app quits, whichever screen is open.
 */
type Flush = () => Promise<boolean>;

const flushers = new Set<Flush>();

export function registerFlush(flush: Flush): () => void {
  flushers.add(flush);
  return () => {
    flushers.delete(flush);
  };
}

/** Resolves true when every registered flush saved; a rejected flush counts as not saved. */
export async function flushAll(): Promise<boolean> {
  const results = await Promise.all([...flushers].map((flush) => flush().catch(() => false)));
  return results.every(Boolean);
}
