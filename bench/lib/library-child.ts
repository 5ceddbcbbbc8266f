import { DraftStore } from '../../electron/core/drafts/draft-store';
import { DraftSearch } from '../../electron/core/search/draft-search';

/**
 * Runs in a fresh `node` process (bundled by library.bench.ts with rolldown, as Node 20 cannot run
 * TypeScript), so "cold" means what a start-up means: nothing loaded, nothing JIT-compiled.
 * The OS file cache stays warm; dropping it would need root on a shared machine.
 *   list <data>    DraftStore.open + list(), timed from before open
 *   search <data>  open the store, load (or rebuild) the search index, save it, report memory
 * Prints one JSON line.
 */
const [mode, folder] = process.argv.slice(2);
if (folder === undefined) throw new Error('usage: library-child list|search <data folder>');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number): number => Math.round((bytes / 1e6) * 10) / 10;

const started = performance.now();
const store = await DraftStore.open({ folder });
if (mode === 'list') {
  const { drafts, problems } = await store.list();
  const ms = performance.now() - started;
  await store.whenIdle(); // a rebuilt index is saved for the next run, outside the timing
  console.log(JSON.stringify({ ms, drafts: drafts.length, problems: problems.length }));
} else {
  gc();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const search = DraftSearch.attach(store);
  await search.whenIdle();
  const ms = performance.now() - t0;
  const probe = await search.search('police');
  gc();
  const after = process.memoryUsage();
  await search.flush({ force: false }); // a rebuild (many changes) is saved; a clean load is not
  console.log(JSON.stringify({ ms, found: probe.total, rssMB: mb(after.rss - before.rss), heapMB: mb(after.heapUsed - before.heapUsed), rssTotalMB: mb(after.rss) }));
}
