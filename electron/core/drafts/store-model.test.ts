import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  CrashCmd,
  CreateCmd,
  NameVersionCmd,
  PurgeCmd,
  type RealStore,
  RestoreCmd,
  RestoreVersionCmd,
  SaveCmd,
  SpikeCmd,
  startRun,
  type StoreModel,
} from './store-model';
import { tempFolder } from './testing';

/**
 * F1 (notes/reliability.md §5): random sequences of create, save, spike, restore from the spike,
 * purge, naming a version and restoring a named one (the versions module as services.ts builds
 * it), and crash-and-restart (some with a save cut off mid-write) against the real store on a
 * real folder, compared after every step with a simple model. Fixed seed so CI is repeatable;
 * STORE_MODEL_RUNS scales it (5,000 for the long run), STORE_MODEL_SEED replays another seed.
 */
const RUNS = Number(process.env.STORE_MODEL_RUNS ?? 200);
const SEED = Number(process.env.STORE_MODEL_SEED ?? 20_260_601);

const text = fc.string({ unit: fc.constantFrom(...'abc xyzÁé’—'), maxLength: 24 });
const index = fc.nat(9);
/** open, write, fsync, close, rename, fsyncDir: 7 lets the whole save through. */
const ioCalls = fc.integer({ min: 0, max: 7 });

const commands = fc.commands(
  [
    text.map((headline) => new CreateCmd(headline)),
    fc.tuple(index, text, text).map(([i, headline, body]) => new SaveCmd(i, headline, body)),
    fc.tuple(index, text, text).map(([i, headline, body]) => new SaveCmd(i, headline, body)),
    index.map((i) => new SpikeCmd(i)),
    index.map((i) => new RestoreCmd(i)),
    index.map((i) => new PurgeCmd(i)),
    fc.tuple(index, fc.constantFrom('Filed', 'Before the edit', 'Published')).map(([i, name]) => new NameVersionCmd(i, name)),
    fc.tuple(index, index).map(([i, which]) => new RestoreVersionCmd(i, which)),
    fc.constant(new CrashCmd()),
    fc.record({ index, headline: text, body: text, afterIoCalls: ioCalls }).map((cut) => new CrashCmd(cut)),
  ],
  { maxCommands: 30, size: 'max' },
);

let work: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  work = await tempFolder('newsroom-model-');
});
afterAll(async () => {
  await work.remove();
});

describe('draft store against its model', () => {
  it(`agrees over ${RUNS} random runs`, { timeout: 600_000 }, async () => {
    let run = 0;
    const started = Date.now();
    const stats = { commands: 0 };
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        run += 1;
        const folder = join(work.path, `run-${run}`);
        const setup = async (): Promise<{ model: StoreModel; real: RealStore }> => ({
          model: { live: new Map(), spiked: new Map(), ids: [] },
          real: await startRun(folder),
        });
        stats.commands += [...cmds].length;
        await fc.asyncModelRun(setup, cmds);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    console.info(`store model: ${RUNS} runs, up to ${stats.commands} commands in ${Date.now() - started} ms`);
    expect(run).toBeGreaterThanOrEqual(RUNS);
  });
});
