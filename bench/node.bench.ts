import { test } from '@playwright/test';
import { open, readFile, readdir, rm, stat } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { renderBodyHtml } from '../shared/editor/render-html';
import { DraftStore } from '../electron/core/drafts/draft-store';
import { articleOfWords } from './lib/corpus';
import { figure, QUICK, record, type BenchFigure } from './lib/results';
import { interleave } from './lib/stats';

/**
 * Node-side figures: the cost of one autosave on disk, rendering a story to HTML for publishing,
 * and how much JavaScript the renderer loads before its first screen.
 */
const SIZES = QUICK ? [1_000] : [20_000, 50_000];
const ROUNDS = QUICK ? 1 : 6;
const PER_ROUND = QUICK ? 3 : 10;

const timed = async (fn: () => Promise<unknown> | unknown): Promise<number> => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

test('autosave: serialise + atomic write vs a raw write + fsync', async () => {
  const figures: BenchFigure[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'newsroom-bench-save-'));
  try {
    const store = await DraftStore.open({ folder });
    for (const words of SIZES) {
      const article = articleOfWords(words);
      const draft = await store.create({ headline: article.headline });
      await store.save(draft.id, article);
      // The reference writes exactly the bytes the store wrote, in place, with one fsync.
      const bytes = await readFile(join(folder, 'drafts', draft.id, 'draft.json'));
      const rawPath = join(folder, `raw-${words}.json`);
      const samples = await interleave(
        ROUNDS,
        async () => {
          const out: number[] = [];
          for (let i = 0; i < PER_ROUND; i += 1) out.push(await timed(() => store.save(draft.id, article)));
          return out;
        },
        async () => {
          const out: number[] = [];
          for (let i = 0; i < PER_ROUND; i += 1) {
            out.push(
              await timed(async () => {
                const handle = await open(rawPath, 'w');
                await handle.writeFile(bytes);
                await handle.sync();
                await handle.close();
              }),
            );
          }
          return out;
        },
      );
      figures.push(
        figure({
          id: `save.${words / 1000}k`,
          group: 'Autosave cost',
          label: `Save a ${words / 1000}k-word draft (${Math.round(bytes.length / 1024)} KB)`,
          unit: 'ms',
          samples: samples.subject,
          reference: { label: 'fs write + fsync of the same bytes', samples: samples.reference },
          budgets: words === 50_000 ? { 'ratio.p95': 2 } : {},
          method: `DraftStore.save (validate, serialise, temp file, write, fsync, rename, fsync folder) against open/write/fsync/close of the same bytes in place; ${ROUNDS} interleaved rounds of ${PER_ROUND}.`,
        }),
      );
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  record('save', figures);
});

test('publish rendering: Lexical JSON to HTML in Node', async () => {
  const figures: BenchFigure[] = [];
  for (const words of SIZES) {
    const body = articleOfWords(words).body;
    renderBodyHtml(body); // warm the JIT and the headless editor once
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS * PER_ROUND; i += 1) samples.push(await timed(() => renderBodyHtml(body)));
    figures.push(
      figure({
        id: `render.${words / 1000}k`,
        group: 'Publish rendering',
        label: `Render ${words / 1000}k words to HTML`,
        unit: 'ms',
        samples,
        budgets: words === 50_000 ? { p95: 100 } : {},
        method: `renderBodyHtml (headless Lexical with the editor's node classes, string output) after one warm-up; ${samples.length} runs.`,
      }),
    );
  }
  record('render', figures);
});

test('renderer JavaScript loaded by the first screen', async () => {
  const dist = join(process.cwd(), 'dist');
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  // What the browser fetches before the first screen: the entry script and its modulepreloads.
  const first = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const file of first) {
    const bytes = await readFile(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  const all = (await readdir(join(dist, 'assets'))).filter((name) => name.endsWith('.js'));
  let total = 0;
  for (const name of all) total += (await stat(join(dist, 'assets', name))).size;
  record('bundle', [
    figure({
      id: 'bundle.first-load.gzip',
      group: 'Bundle and memory',
      label: `Renderer JS at first load, gzip (${first.length} file(s); raw ${Math.round(raw / 1024)} KB; all chunks ${Math.round(total / 1024)} KB raw)`,
      unit: 'KB',
      samples: [gzip / 1024],
      budgets: { p50: 200 },
      method: 'Sum of the entry script and modulepreload links in dist/index.html, gzip level 9.',
    }),
  ]);
});
