import { mkdir } from 'node:fs/promises';
import { AppFailure } from '../../../shared/ipc/result';
import type { Handlers } from '../../ipc/router';
import type { DraftAssets } from '../drafts/draft-assets';
import type { DraftStore } from '../drafts/draft-store';
import { jobView } from '../outbox/job-view';
import type { OutboxJob, RemoteResult } from '../outbox/job';
import { OutboxStore } from '../outbox/outbox-store';
import { OutboxWorker } from '../outbox/worker';
import type { Clock, EmitEvent, FetchLike, Logger, Secrets, SettingsStore } from '../ports';
import type { AppSettings } from '../settings/app-settings';
import { CmsProfiles } from '../settings/cms-profiles';
import type { HouseRules } from '../settings/house-rules';
import { UserSchema } from '../../../shared/model/review';
import { JobPayloadSchema } from './adapter';
import { OutboxPublisher } from './outbox-publisher';
import { ProfileTransport } from './profile-transport';
import { PublishLogStore } from './publish-log';
import { PublishingService } from './publishing-service';

export interface PublishingModuleOptions {
  dataFolder: string;
  /** Where the "Local folder" destination of a fresh install publishes. */
  publishFolder: string;
  settings: SettingsStore<AppSettings>;
  secrets: Secrets;
  drafts: DraftStore;
  assets: DraftAssets;
  houseRules: HouseRules;
  emit: EmitEvent;
  fetch: FetchLike;
  clock: Clock;
  logger: Logger;
  /** Tests shorten the outbox's waits. */
  outbox?: { backoff?: { baseMs: number; capMs: number }; reconcileAfterMs?: number };
  /** A story went live (published, scheduled, updated or corrected) on a destination. */
  onDelivered?: (draftId: string, profileName: string) => Promise<void>;
}

type PublishingHandlers = Pick<
  Handlers,
  | 'profiles.list'
  | 'profiles.save'
  | 'profiles.delete'
  | 'profiles.setDefault'
  | 'profiles.test'
  | 'publishing.chooseProfile'
  | 'publishing.preview'
  | 'publishing.queue'
  | 'publishing.status'
  | 'publishing.conflict'
  | 'outbox.list'
  | 'outbox.retry'
  | 'outbox.resume'
  | 'outbox.discard'
  | 'outbox.wake'
>;

export interface PublishingModule {
  handlers: PublishingHandlers;
  worker: OutboxWorker;
  /** What the desk inbox (electron/core/desk) reads and records through. */
  desk: { profiles: CmsProfiles; transport: ProfileTransport; log: PublishLogStore };
  /** Stops sending (tries in flight settle and are written) and waits for the publish logs. */
  close(): Promise<void>;
}

/**
 * Publishing, put together: CMS profiles and their secrets, the outbox on disk and its worker
 * sending through each profile's adapter, the per-draft publish log kept in step with the worker,
 * and the handlers the renderer calls. Progress is handled one event at a time, in order, so the
 * log, the draft's record and the `outbox.changed` event never overtake each other.
 */
export async function createPublishing(options: PublishingModuleOptions): Promise<PublishingModule> {
  const { drafts, clock, logger, emit } = options;
  const profiles = new CmsProfiles(options.settings, options.secrets, { defaultFolder: options.publishFolder, logger, clock });
  const transport = new ProfileTransport(profiles, {
    readAsset: async (draftId, asset) => {
      const image = await options.assets.read(draftId, asset);
      return { mediaType: image.mediaType, bytes: image.bytes };
    },
    fetch: options.fetch,
    clock,
  });
  // The fresh install's "Local folder" destination must work before anyone sets anything up.
  await mkdir(options.publishFolder, { recursive: true }).catch((error: unknown) =>
    logger.warn('the default publishing folder could not be created', { error: String(error) }),
  );
  const store = await OutboxStore.open({ folder: options.dataFolder, clock, logger });
  const log = new PublishLogStore({ folderOf: (id) => drafts.folderOf(id), clock });
  const names = new Map<string, string>();
  const refreshNames = async (): Promise<void> => {
    for (const profile of await profiles.list()) names.set(profile.id, profile.name);
  };
  await refreshNames();

  let progress: Promise<void> = Promise.resolve();
  const onProgress = (job: OutboxJob): void => {
    progress = progress
      .then(async () => {
        await publisher.recordProgress(job);
        await service.afterProgress(job);
        if (job.state === 'done' && job.action !== 'unpublish' && !isFiling(job)) await options.onDelivered?.(job.draftId, names.get(job.profileId) ?? 'a deleted destination');
      })
      .catch((error: unknown) => logger.error('publishing: could not record progress', { id: job.id, error: String(error) }))
      .finally(() => emit('outbox.changed', { job: jobView(job, names.get(job.profileId) ?? 'Deleted destination'), pending: worker.pendingCount() }));
  };
  const worker = new OutboxWorker({ store, transport, clock, logger, onProgress, ...options.outbox });
  const publisher: OutboxPublisher = new OutboxPublisher({
    drafts,
    houseRules: options.houseRules,
    worker,
    log,
    clock,
    logger,
    profileName: (id) => names.get(id) ?? 'Deleted destination',
    isUnfinished: (jobId) => {
      const job = store.get(jobId);
      return job !== undefined && job.state !== 'done';
    },
    knownRemote: (draft, profileId): Promise<RemoteResult | undefined> => service.legacyRemote(draft, profileId),
    currentUser: () => {
      const user = UserSchema.safeParse(options.settings.get('user'));
      return user.success ? user.data : undefined;
    },
  });
  const service: PublishingService = new PublishingService({ drafts, profiles, transport, publisher, log, emit, clock, logger });
  await worker.start();
  for (const problem of store.problems) logger.warn('outbox: a job file could not be read', { keptAs: problem.keptAs });

  const changedProfiles = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    await refreshNames();
    return result;
  };

  const handlers: PublishingHandlers = {
    'profiles.list': async () => ({ profiles: await profiles.list(), defaultProfileId: await profiles.defaultProfileId() }),
    'profiles.save': (input) => changedProfiles(profiles.save(input)),
    'profiles.delete': async (input) => {
      await changedProfiles(profiles.delete(input.id));
      return {};
    },
    'profiles.setDefault': async (input) => {
      await profiles.setDefault(input.id);
      return {};
    },
    'profiles.test': async (input) => {
      const { profile, secret } = await profiles.candidate(input);
      return transport.adapterOf(profile, secret).testConnection();
    },
    'publishing.chooseProfile': async (input) => {
      await service.chooseProfile(input.draftId, input.profileId);
      return {};
    },
    'publishing.preview': (input) => service.preview(input.draftId, input.profileId),
    'publishing.queue': (input) => service.queue(input),
    'publishing.status': (input) => service.status(input.draftId),
    'publishing.conflict': (input) => service.conflict(input.draftId, input.profileId),
    'outbox.list': async () => ({
      jobs: store
        .list()
        .filter((job) => job.state !== 'done')
        .map((job) => jobView(job, names.get(job.profileId) ?? 'Deleted destination')),
      problems: store.problems.map((problem) => ({ file: problem.keptAs, reason: problem.reason })),
      stoppedProfiles: [...new Set(store.list().map((job) => job.profileId))].filter((id) => worker.isAccountStopped(id)),
    }),
    'outbox.retry': async (input) => {
      await worker.retry(input.jobId);
      return {};
    },
    'outbox.resume': async (input) => {
      await worker.resume(input.profileId);
      return {};
    },
    'outbox.discard': async (input) => {
      const dropped = await worker.discard(input.jobId);
      if (dropped === undefined && store.get(input.jobId) !== undefined) {
        throw new AppFailure('INVALID_INPUT', 'This job is being sent right now. Wait for the attempt to end, then discard it.');
      }
      if (dropped !== undefined) {
        await publisher.discarded(dropped);
        emit('outbox.changed', { job: jobView(dropped, names.get(dropped.profileId) ?? 'Deleted destination'), pending: worker.pendingCount(), removed: true });
      }
      return {};
    },
    'outbox.wake': async () => {
      await worker.wake();
      return {};
    },
  };

  return {
    handlers,
    worker,
    desk: { profiles, transport, log },
    async close() {
      await worker.stop();
      await progress;
      await log.whenIdle();
    },
  };
}

/** A `file` job (filed for review): delivered, but nothing went live. */
function isFiling(job: OutboxJob): boolean {
  const payload = JobPayloadSchema.safeParse(job.payload);
  return payload.success && payload.data.kind === 'publish' && payload.data.timing.kind === 'review';
}
