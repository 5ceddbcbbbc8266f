import { join } from 'node:path';
import { isNotFound } from '../fs/fs-errors';
import { sweepTempFiles } from '../fs/temp-sweep';
import { foldersWithTemps } from '../library/scan';
import { checkDraftText } from './draft-file';
import type { ReaderDeps } from './draft-reader';
import { mapLimit } from './map-limit';

const isValid = (text: string): boolean => checkDraftText(text).kind !== 'corrupt';

/**
 * The start-up sweep of temps a crash left (DESIGN §6), done per draft and lazily: a folder is
 * swept before the first operation on that draft, and the rest in the background after the
 * first list. Sweeping all 10,000 folders before the first list cost ~130 ms of its 500 ms
 * budget. Serving a list entry unswept is safe: the catalog is used only while draft.json has
 * the stamp it recorded, i.e. is valid, and beside a valid file the sweep only deletes temps.
 */
export class DraftSweeper {
  private readonly swept = new Set<string>();
  private background: Promise<void> | undefined;

  constructor(
    private readonly draftsDir: string,
    private readonly deps: ReaderDeps,
  ) {}

  /** Call inside the draft's queue, before touching its files. */
  async ensure(id: string): Promise<void> {
    if (this.swept.has(id)) return;
    this.swept.add(id);
    try {
      await sweepTempFiles(join(this.draftsDir, id), { isValid, ...this.deps });
    } catch (error) {
      // A folder that is not there has nothing to sweep; anything else is tried at the next start.
      if (!isNotFound(error)) this.deps.logger.error('sweep failed for a draft folder', { id, error: String(error) });
    }
  }

  /** A folder we just made holds nothing to sweep. */
  markSwept(id: string): void {
    this.swept.add(id);
  }

  /** Sweeps every folder not swept yet, once, without holding anything up. */
  startBackground(ids: () => Promise<string[]>, inQueue: (id: string, task: () => Promise<void>) => Promise<void>): void {
    this.background ??= (async () => {
      const pending = (await ids()).filter((id) => !this.swept.has(id));
      const withTemps = new Set(await foldersWithTemps(this.draftsDir, pending));
      for (const id of pending) if (!withTemps.has(id)) this.swept.add(id);
      await mapLimit([...withTemps], 4, (id) => inQueue(id, () => this.ensure(id)));
    })().catch((error: unknown) => this.deps.logger.error('background sweep failed', { error: String(error) }));
  }

  /** Resolves when the background sweep, if started, has finished. */
  async settle(): Promise<void> {
    await this.background;
  }
}
