import { test } from '@playwright/test';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForChild } from '../electron/core/test-support/bundle-for-child';
import { DraftStore } from '../electron/core/drafts/draft-store';
import { DraftSearch } from '../electron/core/search/draft-search';
import { libraryCorpus, type QuerySet } from './lib/library-corpus';
import { type BenchFigure, figure, QUICK, record } from './lib/results';
import { interleave } from './lib/stats';

/**
 * Issue 3, point 4: the library at 10,000 drafts. Cold list (open + list in a new process) against
 * an absolute budget; search against ripgrep over the same folder for the same words, interleaved
 * in the same run. QUICK (BENCH_QUICK=1): 500 drafts, 10 queries, one round.
 */
const COUNT = QUICK ? 500 : 10_000;
const COLD_RUNS = QUICK ? 1 : 9;
const ROUNDS = QUICK ? 1 : 3;
const RG = '/usr/bin/rg';

function queriesOf(set: QuerySet): string[] {
  const perClass = QUICK ? 2 : 10;
  return [set.rare, set.common, set.unaccented, set.prefix, set.typo].flatMap((list) => list.slice(0, perClass));
}

function runChild(script: string, args: string[]): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--expose-gc', script, ...args], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`library child failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>);
    });
  });
}

/** ripgrep as a desk would use it: case-insensitive, file names only, over the drafts folder. */
function ripgrep(word: string, folder: string): number {
  const started = performance.now();
  const run = spawnSync(RG, ['-i', '-l', '--', word, folder], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) throw new Error(`rg failed (${run.status}): ${run.stderr.toString()}`);
  return ms;
}

test('library at scale: cold list and search against ripgrep', async () => {
  test.setTimeout(25 * 60_000);
  const started = Date.now();
  if (spawnSync(RG, ['--version']).status !== 0) {
    throw new Error(`ripgrep is missing at ${RG}: install it with "apt-get install -y ripgrep" (the search reference)`);
  }
  const corpus = await libraryCorpus(COUNT);
  const { folder } = corpus;
  const drafts = join(folder, 'drafts');
  const work = mkdtempSync(join(tmpdir(), 'newsroom-library-bench-'));
  const child = join(work, 'library-child.mjs');
  await bundleForChild(new URL('./lib/library-child.ts', import.meta.url), child);
  const figures: BenchFigure[] = [];
  const method = `${COUNT} generated drafts (${Math.round(corpus.words / COUNT)} words on average, ${Math.round(corpus.bytes / 1e6)} MB)`;

  // First start: no index at all, so both indexes are rebuilt from the files (and saved).
  rmSync(join(folder, 'index'), { recursive: true, force: true });
  const rebuildList = await runChild(child, ['list', folder]);
  const rebuildSearch = await runChild(child, ['search', folder]);
  figures.push(
    figure({ id: 'library.list.first', group: 'library', label: `List ${COUNT} drafts, first start (no index)`, unit: 'ms', samples: [rebuildList.ms ?? NaN], method: `${method}; one run of a new process with no index: every draft read and checked.` }),
    figure({ id: 'library.search.rebuild', group: 'library', label: `Build the search index, ${COUNT} drafts`, unit: 'ms', samples: [rebuildSearch.ms ?? NaN], method: `${method}; one run with no saved search index, after the list index exists.` }),
  );

  const cold: number[] = [];
  for (let i = 0; i < COLD_RUNS; i += 1) cold.push((await runChild(child, ['list', folder])).ms ?? NaN);
  figures.push(figure({
    id: 'library.list.cold', group: 'library', label: `List ${COUNT} drafts, cold start`, unit: 'ms', samples: cold, budgets: { p95: 500 },
    method: `${method}; a new node process per run timing DraftStore.open + list() with the saved summary index (one readdir, one stat per draft); OS file cache warm.`,
  }));

  const loads: Array<Record<string, number>> = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i += 1) loads.push(await runChild(child, ['search', folder]));
  const index = join(folder, 'index');
  const sizeMB = (statSync(join(index, 'search.json')).size + statSync(join(index, 'summaries.json')).size) / 1e6;
  figures.push(
    figure({ id: 'library.search.load', group: 'library', label: 'Load the saved search index, cold start', unit: 'ms', samples: loads.map((l) => l.ms ?? NaN), method: `${method}; new process: read search.json, MiniSearch loadJSAsync, stamp check of every draft.` }),
    figure({ id: 'library.search.heap', group: 'library', label: 'Search index JS heap', unit: 'MB', samples: loads.map((l) => l.heapMB ?? NaN), method: 'heapUsed after the loaded index minus before, both after a forced GC.' }),
    figure({ id: 'library.search.rss', group: 'library', label: 'Search index resident memory', unit: 'MB', samples: loads.map((l) => l.rssMB ?? NaN), method: 'RSS after the loaded index minus before.' }),
    figure({ id: 'library.index.disk', group: 'library', label: 'Index files on disk (search + summaries)', unit: 'MB', samples: [sizeMB], method: 'Size of index/search.json + index/summaries.json.' }),
  );

  // Search, in this process, against rg: the same words, interleaved round by round.
  const store = await DraftStore.open({ folder });
  const search = DraftSearch.attach(store);
  await search.whenIdle();
  const queries = queriesOf(corpus.queries);
  for (const q of queries) await search.search(q); // warm-up: the app answers many queries per session
  const timed = async (run: (q: string) => Promise<unknown>): Promise<number[]> => {
    const out: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      await run(q);
      out.push(performance.now() - t0);
    }
    return out;
  };
  const measured = await interleave(ROUNDS, () => timed((q) => search.search(q, { limit: 50 })), async () => queries.map((q) => ripgrep(q, drafts)));
  figures.push(figure({
    id: 'library.search', group: 'library', label: `Search ${COUNT} drafts (${queries.length} queries)`, unit: 'ms',
    samples: measured.subject, reference: { label: 'ripgrep -i -l, same words, same folder', samples: measured.reference },
    budgets: { p95: 20, 'ratio.p95': 0.1 },
    method: `${method}; queries: rare names, common words, accented names typed bare, prefixes, one typo each; top 50 hits with total and highlighted headlines; ${ROUNDS} round(s) interleaved with rg.`,
  }));
  const withSnippets = await timed((q) => search.search(q, { limit: 50, snippets: 10 }));
  figures.push(figure({ id: 'library.search.snippets', group: 'library', label: 'Search with body snippets for the first 10 hits', unit: 'ms', samples: withSnippets, method: 'As above, plus reading 10 draft files to cut highlighted snippets.' }));
  await search.close();
  await store.whenIdle();

  record('library', figures);
  rmSync(work, { recursive: true, force: true });
  for (const f of figures) {
    const ref = f.reference ? `  ref p50 ${f.reference.summary.p50.toFixed(1)} p95 ${f.reference.summary.p95.toFixed(1)}  ratio p95 ${f.ratio?.p95.toFixed(3)}` : '';
    console.log(`${f.id.padEnd(26)} p50 ${f.subject.p50.toFixed(1).padStart(8)} p95 ${f.subject.p95.toFixed(1).padStart(8)} ${f.unit}${ref}`);
  }
  console.log(`library bench: ${Math.round((Date.now() - started) / 1000)} s`);
});
