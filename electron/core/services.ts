import { createRouter, type Handlers, type Router } from '../ipc/router';
import { DraftAssets } from './drafts/draft-assets';
import { DraftStore } from './drafts/draft-store';
import { ExportService } from './export/export-service';
import { FlushCoordinator } from './flush-coordinator';
import { silentLogger, systemClock, type Clock, type EmitEvent, type FetchLike, type Logger, type Secrets, type SettingsStore } from './ports';
import { join } from 'node:path';
import type { FileIo } from './fs/file-io';
import { createVersions } from './drafts/versions/versions-module';
import { createLibraryExtras } from './library/library-module';
import { createPublishing } from './publishing/publishing-module';
import { createDesk } from './desk/desk-module';
import { createReview } from './review/review-module';
import { UserSettings } from './review/user-settings';
import { type DraftsFolderPorts, resolveDraftsFolder } from './settings/drafts-folder';
import { DraftSearch } from './search/draft-search';
import type { AppSettings } from './settings/app-settings';
import { HouseRules } from './settings/house-rules';

export interface ServiceOptions extends DraftsFolderPorts {
  /** The app's data folder (Electron's userData in the app, a temp folder in tests). */
  dataFolder: string;
  settings: SettingsStore<AppSettings>;
  secrets: Secrets;
  emit: EmitEvent;
  appVersion: string;
  fetch?: FetchLike;
  clock?: Clock;
  logger?: Logger;
  /** How long quit waits for the renderer to save; tests shorten it. */
  flushTimeoutMs?: number;
  /** Where the "Local folder" destination of a fresh install publishes; `<data>/published` if not given. */
  publishFolder?: string;
  /** Tests shorten the outbox's retry waits. */
  outbox?: { backoff?: { baseMs: number; capMs: number }; reconcileAfterMs?: number };
  /** The drafts' disk; the e2e host injects a full or read-only disk here (a fault no real disk gives on demand). */
  draftsIo?: FileIo;
}

export interface Services {
  router: Router;
  drafts: DraftStore;
  /**
   * Before quitting: asks the renderer to save, waits for every draft write to reach the disk, and
   * stops the outbox (a send in flight settles and is written; the rest go at the next start).
   */
  flush(): Promise<void>;
}

/**
 * Builds every service from its ports and binds them to the contract. The app's shell and the
 * e2e host both call this, so what e2e proves is what the app runs.
 */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const fetchImpl = options.fetch ?? fetch;
  const draftsFolder = resolveDraftsFolder({
    settings: options.settings,
    dataFolder: options.dataFolder,
    ...(options.pickFolder === undefined ? {} : { pickFolder: options.pickFolder }),
    ...(options.restart === undefined ? {} : { restart: options.restart }),
  });
  const drafts = await DraftStore.open({ ...(await draftsFolder.open(logger)), clock, logger, ...(options.draftsIo === undefined ? {} : { io: options.draftsIo }) });
  const search = DraftSearch.attach(drafts, { logger });
  const external = drafts.watchExternal((id, revision) => options.emit('drafts.changed', { id, revision, reason: 'external' }));
  const assets = new DraftAssets((id) => drafts.folderOf(id));
  const houseRules = new HouseRules(options.settings, logger);
  const users = new UserSettings(options.settings, clock, logger);
  const versions = await createVersions({ drafts, clock, logger, emit: options.emit, currentUser: () => users.stamp() });
  const review = createReview({ users, drafts, emit: options.emit, clock, logger, markVersion: (id, kind, name) => versions.mark(id, kind, name) });
  const publishing = await createPublishing({
    dataFolder: options.dataFolder,
    publishFolder: options.publishFolder ?? join(options.dataFolder, 'published'),
    settings: options.settings,
    secrets: options.secrets,
    drafts,
    assets,
    houseRules,
    emit: options.emit,
    fetch: fetchImpl,
    clock,
    logger,
    ...(options.outbox === undefined ? {} : { outbox: options.outbox }),
    // What went live is kept as a named version: "Published to Daily site".
    // …and the story is Published on the desk, signed by whoever is at this machine.
    onDelivered: async (draftId, profileName) => {
      await versions.mark(draftId, 'published', `Published to ${profileName}`);
      await review.published(draftId, profileName);
    },
  });
  const exporter = new ExportService({ drafts, assets });
  const library = createLibraryExtras({ drafts, settings: options.settings, emit: options.emit, clock, logger });
  const desk = createDesk({ drafts, ...publishing.desk, emit: options.emit, clock, logger });
  const flushes = new FlushCoordinator(options.emit, options.flushTimeoutMs);
  // Spiked drafts older than 30 days go for good, in the background: opening never waits for it.
  const startupPurge = drafts
    .purgeExpired(clock.now())
    .then((ids) => {
      for (const id of ids) options.emit('drafts.changed', { id, revision: 0, reason: 'purged' });
    })
    .catch((error: unknown) => logger.warn('expired spiked drafts not purged', { error: String(error) }));

  const handlers: Handlers = {
    'app.info': async () => ({ version: options.appVersion, dataFolder: options.dataFolder }),
    'app.flushComplete': async () => {
      flushes.acknowledge();
      return {};
    },
    'drafts.list': async () => {
      const listed = await drafts.list();
      return { ...listed, problems: await versions.withRecovery(listed.problems) };
    },
    'drafts.create': async (input) => {
      const draft = await drafts.create({ ...input.article, ...(input.headline === undefined ? {} : { headline: input.headline }) });
      options.emit('drafts.changed', { id: draft.id, revision: draft.revision, reason: 'created' });
      return draft;
    },
    'drafts.open': (input) => drafts.read(input.id),
    'drafts.save': async (input) => {
      const saved = await drafts.save(input.id, input.article, input.baseRevision);
      options.emit('drafts.changed', { id: input.id, revision: saved.revision, reason: 'saved' });
      // The save is acknowledged first; a version that cannot be written is logged, never a failed save.
      await versions.afterSave(input.id).catch((error: unknown) => logger.warn('version not recorded', { id: input.id, error: String(error) }));
      return saved;
    },
    'drafts.search': (input) =>
      search.search(input.query, { ...(input.limit === undefined ? {} : { limit: input.limit }), snippets: input.snippets ?? 10 }),
    'drafts.trash': async (input) => {
      // Signed in the trail first: once in the trash the draft is out of the store's reach.
      const previous = await review.spiked(input.id);
      try {
        await drafts.trash(input.id);
      } catch (error) {
        if (previous !== null) await review.unspiked(input.id, previous).catch(() => undefined);
        throw error;
      }
      options.emit('drafts.changed', { id: input.id, revision: 0, reason: 'trashed' });
      return {};
    },
    'drafts.listSpiked': () => drafts.listSpiked(),
    'drafts.restore': async (input) => {
      await drafts.restore(input.id);
      options.emit('drafts.changed', { id: input.id, revision: 0, reason: 'restored' });
      await review.restored(input.id).catch((error: unknown) => logger.warn('restore not recorded in the desk status', { id: input.id, error: String(error) }));
      return {};
    },
    'drafts.purge': async (input) => {
      await drafts.purge(input.id);
      options.emit('drafts.changed', { id: input.id, revision: 0, reason: 'purged' });
      return {};
    },
    'drafts.attachImage': (input) => assets.attach(input.draftId, Buffer.from(input.data, 'base64')),
    'drafts.readAsset': async (input) => {
      const image = await assets.read(input.draftId, input.asset);
      return { mediaType: image.mediaType, data: image.bytes.toString('base64') };
    },
    'drafts.export': (input) => exporter.export(input.id, input.format, input.review ?? false),
    'settings.getHouseProfile': async () => houseRules.get(),
    'settings.saveHouseProfile': async (input) => houseRules.save(input),
    ...publishing.handlers,
    ...versions.handlers,
    ...library.handlers,
    ...draftsFolder.handlers,
    ...review.handlers,
    ...desk.handlers,
  };

  return {
    router: createRouter(handlers, logger),
    drafts,
    async flush() {
      const acknowledged = await flushes.requestRendererFlush();
      if (!acknowledged) logger.warn('renderer did not confirm its final save before quit');
      await startupPurge;
      external.stop();
      await drafts.whenIdle();
      // Saves the search index only when many drafts changed; fewer are re-indexed at next start.
      await search.flush();
      await publishing.close();
    },
  };
}
