import Conf from 'conf';
import type { EventPayload } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { OutboxJobView } from '../../../shared/model/publishing';
import { tempFolder } from '../drafts/testing';
import { MemorySecrets } from '../memory-secrets';
import type { Clock, FetchLike, Logger } from '../ports';
import { createServices, type Services } from '../services';
import type { AppSettings } from '../settings/app-settings';

/**
 * The services as the app builds them, driven through the router the renderer calls: for tests
 * of publishing from queue to CMS. `settled(jobId)` waits for the outbox to finish a job (done,
 * failed or held) as the renderer learns it, from `outbox.changed`.
 */
export interface RouterHarness {
  services: Services;
  folder: string;
  publishFolder: string;
  call(method: string, input?: unknown): Promise<Result<unknown>>;
  /** The value of a call that must succeed; a failure throws with its code and message. */
  ok<T>(method: string, input?: unknown): Promise<T>;
  settled(jobId: string, timeoutMs?: number): Promise<OutboxJobView>;
  events: Array<{ event: string; payload: unknown }>;
  close(): Promise<void>;
}

export async function startRouter(options: { fetch?: FetchLike; logger?: Logger; clock?: Clock } = {}): Promise<RouterHarness> {
  const folder = await tempFolder('newsroom-router-');
  const publishFolder = `${folder.path}/site`;
  const events: RouterHarness['events'] = [];
  const waiters = new Set<() => void>();
  const services = await createServices({
    dataFolder: folder.path,
    publishFolder,
    settings: new Conf<AppSettings>({ cwd: folder.path, configName: 'settings' }),
    secrets: new MemorySecrets(),
    appVersion: 'test',
    emit: (event, payload) => {
      events.push({ event, payload });
      for (const wake of [...waiters]) wake();
    },
    flushTimeoutMs: 50,
    // Real waits, shortened: a retry after a dropped connection comes in well under a second.
    outbox: { backoff: { baseMs: 50, capMs: 400 }, reconcileAfterMs: 100 },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const call = (method: string, input: unknown = {}): Promise<Result<unknown>> => services.router.handle(method, input);
  const finished = (jobId: string): OutboxJobView | undefined => {
    for (const { event, payload } of events.toReversed()) {
      if (event !== 'outbox.changed') continue;
      const { job } = payload as EventPayload<'outbox.changed'>;
      if (job.id !== jobId) continue;
      return job.state === 'done' || job.state === 'failed' || job.state === 'held' ? job : undefined;
    }
    return undefined;
  };
  return {
    services,
    folder: folder.path,
    publishFolder,
    events,
    call,
    async ok<T>(method: string, input: unknown = {}): Promise<T> {
      const result = await call(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
      return result.value as T;
    },
    settled(jobId, timeoutMs = 20_000) {
      return new Promise<OutboxJobView>((resolve, reject) => {
        const check = (): void => {
          const job = finished(jobId);
          if (job === undefined) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(job);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`outbox job ${jobId} did not finish within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      await services.flush();
      await folder.remove();
    },
  };
}
