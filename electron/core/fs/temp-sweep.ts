import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Clock, type Logger, silentLogger, systemClock } from '../ports';
import { TEMP_NAME } from './atomic-write';
import { type FileIo, nodeFileIo } from './file-io';
import { isNotFound } from './fs-errors';
import { setAside } from './set-aside';

export interface SweepOptions {
  /** Is this text a good copy? (Drafts: readable, or written by a newer Newsroom.) */
  isValid: (text: string) => boolean;
  /** The file name a temp was meant to replace; by default `<name>.<random>.tmp` → `<name>`. */
  targetFor?: (tempName: string) => string;
  io?: FileIo;
  clock?: Clock;
  logger?: Logger;
}

export interface SweepReport {
  /** Temps renamed over their target (full paths of the targets). */
  promoted: string[];
  /** Temps removed. */
  deleted: string[];
  /** Invalid targets moved to `.corrupt-<time>` before a promotion. */
  keptAside: string[];
}

const defaultTargetFor = (tempName: string): string => TEMP_NAME.exec(tempName)?.[1] ?? tempName;

type Target = { kind: 'missing' } | { kind: 'valid' } | { kind: 'invalid' } | { kind: 'unreadable'; error: unknown };

async function inspect(path: string, isValid: (text: string) => boolean): Promise<Target> {
  try {
    return isValid(await readFile(path, 'utf8')) ? { kind: 'valid' } : { kind: 'invalid' };
  } catch (error) {
    return isNotFound(error) ? { kind: 'missing' } : { kind: 'unreadable', error };
  }
}

/**
 * Start-up clean-up of temps a crash left behind (kill -9 leaves one in ~40 % of runs, notes
 * §2.2). A temp is promoted only when it is valid and its target is missing or invalid; the
 * invalid target is kept aside first. Otherwise the temp is deleted: the target is the last
 * acknowledged save, which wins over a write nobody was told about. A target we cannot read
 * (permissions, I/O error) is never replaced. Newest temps go first, so when several could be
 * promoted the newest wins and the older ones then find a valid target and are deleted.
 */
export async function sweepTempFiles(folder: string, options: SweepOptions): Promise<SweepReport> {
  const io = options.io ?? nodeFileIo;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const targetFor = options.targetFor ?? defaultTargetFor;
  const report: SweepReport = { promoted: [], deleted: [], keptAside: [] };

  const entries = await readdir(folder, { withFileTypes: true });
  const temps = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && TEMP_NAME.test(entry.name))
      .map(async (entry) => ({ name: entry.name, mtime: (await stat(join(folder, entry.name))).mtimeMs })),
  );
  temps.sort((a, b) => b.mtime - a.mtime);

  for (const { name } of temps) {
    const temp = join(folder, name);
    const target = join(folder, targetFor(name));
    try {
      const tempIsValid = (await inspect(temp, options.isValid)).kind === 'valid';
      const current = await inspect(target, options.isValid);
      if (current.kind === 'unreadable') {
        logger.warn('sweep: target unreadable, temp left in place', { temp, target, error: String(current.error) });
        continue;
      }
      if (tempIsValid && (current.kind === 'missing' || current.kind === 'invalid')) {
        if (current.kind === 'invalid') report.keptAside.push(await setAside(target, clock, io));
        await io.rename(temp, target);
        await io.fsyncDir(folder);
        report.promoted.push(target);
        logger.warn('sweep: promoted an unacknowledged save', { temp, target, replaced: current.kind });
      } else {
        await io.unlink(temp);
        report.deleted.push(temp);
      }
    } catch (error) {
      // One stubborn temp must not stop the start-up; the next sweep tries again.
      logger.error('sweep: could not handle temp file', { temp, error: String(error) });
    }
  }
  return report;
}
