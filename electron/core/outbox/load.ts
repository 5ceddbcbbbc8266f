import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/ipc/result';
import type { FileIo } from '../fs/file-io';
import { CORRUPT_MARK, setAside } from '../fs/set-aside';
import type { Clock, Logger } from '../ports';
import { checkJobText, type OutboxJob } from './job';

/** A job file that could not be used. It is never deleted: `keptAs` says where it is. */
export interface JobProblem {
  reason: string;
  keptAs: string;
}

const JOB_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;
const LOST_ACTION = ' The story it carried may not have been sent: check it and publish it again.';

/**
 * Reads every `<id>.json` in the outbox folder. A damaged file is set aside byte for byte and
 * reported; one set aside by an earlier start is reported again, since a lost publishing job
 * stays a problem until a person has looked. A job from a newer Newsroom stays where it is.
 */
export async function loadJobFiles(dir: string, deps: { clock: Clock; logger: Logger; io: FileIo }): Promise<{ jobs: OutboxJob[]; problems: JobProblem[] }> {
  const jobs: OutboxJob[] = [];
  const problems: JobProblem[] = [];
  const names = await readdir(dir).catch((error: unknown) => {
    throw new AppFailure('IO_ERROR', 'Newsroom could not read its publishing queue folder.', { cause: error });
  });
  for (const name of names.sort()) {
    const path = join(dir, name);
    if (name.includes(`.json${CORRUPT_MARK}`)) {
      problems.push({ reason: `A damaged publishing job was set aside.${LOST_ACTION}`, keptAs: path });
      continue;
    }
    const id = JOB_FILE.exec(name)?.[1];
    if (id === undefined) continue;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      deps.logger.error('outbox: job file unreadable', { path, error: String(error) });
      problems.push({ reason: `A publishing job could not be read.${LOST_ACTION}`, keptAs: path });
      continue;
    }
    const check = checkJobText(text, id);
    if (check.kind === 'ok') jobs.push(check.job);
    else if (check.kind === 'newer') {
      problems.push({ reason: 'A publishing job was queued by a newer version of Newsroom; update Newsroom to send it.', keptAs: path });
    } else {
      let keptAs = path;
      try {
        keptAs = await setAside(path, deps.clock, deps.io);
      } catch (error) {
        deps.logger.error('outbox: could not set a damaged job aside', { path, error: String(error) });
      }
      deps.logger.warn('outbox: damaged job set aside', { reason: check.reason, detail: check.detail, keptAs });
      problems.push({ reason: `${check.reason}${LOST_ACTION}`, keptAs });
    }
  }
  return { jobs, problems };
}
