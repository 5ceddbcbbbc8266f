import type { MethodOutput } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import type { CmsProfile } from '../../../shared/model/cms-profiles';
import type { Draft, LivePublication } from '../../../shared/model/draft';
import { type LiveStatus, latestFor, liveState, type PublishRequestInput } from '../../../shared/model/publishing';
import type { DraftStore } from '../drafts/draft-store';
import type { OutboxJob, RemoteResult } from '../outbox/job';
import type { Clock, EmitEvent, Logger } from '../ports';
import type { CmsProfiles } from '../settings/cms-profiles';
import type { OutboxPublisher, Queued } from './outbox-publisher';
import type { ProfileTransport } from './profile-transport';
import type { PublishLogStore } from './publish-log';
import { pinPublishedSlug } from './slug-pin';

export interface PublishingServiceDeps {
  drafts: DraftStore;
  profiles: CmsProfiles;
  transport: ProfileTransport;
  publisher: OutboxPublisher;
  log: PublishLogStore;
  emit: EmitEvent;
  clock: Clock;
  logger: Logger;
}

const profileGone = (): AppFailure => new AppFailure('NOT_FOUND', 'This publishing destination no longer exists. Choose another one.');

/**
 * What the editor's publishing panel asks of the main side: which destination a draft goes to,
 * what that CMS will receive, queuing an action, where the story stands, and the two copies when
 * the CMS refused an update as a conflict. Sending is the outbox's; this records what it did.
 */
export class PublishingService {
  constructor(private readonly deps: PublishingServiceDeps) {}

  async chooseProfile(draftId: string, profileId: string): Promise<void> {
    if ((await this.deps.profiles.profile(profileId)) === undefined) throw profileGone();
    await this.deps.drafts.setPublication(draftId, (publication) => ({ ...publication, profileId }));
  }

  async preview(draftId: string, profileId: string): Promise<MethodOutput<'publishing.preview'>> {
    const draft = await this.deps.drafts.read(draftId);
    const profile = await this.profileOf(profileId);
    // The preview is pure mapping: no secret is needed, and none is read.
    const adapter = this.deps.transport.adapterOf(profile, undefined);
    const mapped = adapter.preview({ ...draft.article, editorialNote: '' });
    return { profileId, profileName: profile.name, kind: profile.kind, ...mapped };
  }

  async queue(request: PublishRequestInput): Promise<Queued> {
    const profile = await this.profileOf(request.profileId);
    if (request.kind === 'file' && profile.kind !== 'wordpress' && profile.kind !== 'ghost') {
      throw new AppFailure('NOT_CONFIGURED', `${profile.name} has no desk inbox, so a story cannot be filed for review there. Choose a WordPress or Ghost destination.`);
    }
    const { draftId, profileId, ...rest } = request;
    return this.deps.publisher.queue(draftId, profileId, rest);
  }

  async status(draftId: string): Promise<MethodOutput<'publishing.status'>> {
    const draft = await this.deps.drafts.read(draftId);
    const read = await this.deps.log.read(draftId);
    const profileId = await this.chosenProfile(draft);
    const names = new Map((await this.deps.profiles.list()).map((profile) => [profile.id, profile.name]));
    const ids = [...new Set([profileId, ...read.log.entries.map((entry) => entry.profileId)])];
    const now = this.deps.clock.now();
    const live = await Promise.all(
      ids.map(async (id): Promise<LiveStatus> => {
        const latest = latestFor(read.log, id);
        const profileName = names.get(id) ?? read.log.entries.findLast((entry) => entry.profileId === id)?.profileName ?? 'Deleted destination';
        if (latest === undefined) {
          const legacy = await this.legacyRemote(draft, id);
          const old = draft.publication.wordpress;
          if (legacy !== undefined && old !== undefined) {
            return { profileId: id, profileName, state: old.revision < draft.revision ? 'behind' : 'up-to-date', url: old.url, lastAction: 'publish', at: old.publishedAt };
          }
          return { profileId: id, profileName, state: 'not-published' };
        }
        return {
          profileId: id,
          profileName,
          state: liveState(read.log, id, draft.revision, now),
          ...(latest.url ? { url: latest.url } : {}),
          lastAction: latest.action,
          ...(latest.finishedAt === undefined ? {} : { at: latest.finishedAt }),
          ...(latest.publishAt === undefined ? {} : { publishAt: latest.publishAt }),
        };
      }),
    );
    return { profileId, revision: draft.revision, entries: read.log.entries, live, ...(read.problem === undefined ? {} : { problem: read.problem }) };
  }

  async conflict(draftId: string, profileId: string): Promise<MethodOutput<'publishing.conflict'>> {
    const draft = await this.deps.drafts.read(draftId);
    const profile = await this.profileOf(profileId);
    const remoteId = (await this.remoteOf(draft, profileId))?.remoteId;
    const adapter = await this.deps.transport.adapterFor(profileId);
    if (adapter === undefined) throw profileGone();
    const ours = adapter.preview({ ...draft.article, editorialNote: '' });
    const local = { title: draft.article.headline, html: ours.body };
    if (remoteId === undefined) return { profileName: profile.name, remote: null, local };
    const copy = await adapter.fetchRemote(remoteId);
    const remote = copy === null ? null : { title: copy.title, html: copy.html, status: copy.status, url: copy.url, version: copy.version };
    return { profileName: profile.name, remote, local };
  }

  /** Where the story is on this profile's CMS: its log, or a record from before the outbox. */
  async remoteOf(draft: Draft, profileId: string): Promise<RemoteResult | undefined> {
    const latest = latestFor((await this.deps.log.read(draft.id)).log, profileId);
    if (latest?.remoteId !== undefined) return { remoteId: latest.remoteId, url: latest.url ?? '', ...(latest.version === undefined ? {} : { version: latest.version }) };
    return this.legacyRemote(draft, profileId);
  }

  /**
   * A post made by the walking skeleton's direct WordPress publish (draft.publication.wordpress):
   * it belongs to the WordPress profile of the same site, which must update it, not post it again.
   */
  async legacyRemote(draft: Draft, profileId: string): Promise<RemoteResult | undefined> {
    const old = draft.publication.wordpress;
    if (old === undefined) return undefined;
    const profile = await this.deps.profiles.profile(profileId);
    if (profile?.kind !== 'wordpress' || profile.siteUrl !== old.siteUrl) return undefined;
    return { remoteId: String(old.postId), url: old.url, ...(old.slug === undefined ? {} : { slug: old.slug }) };
  }

  /**
   * After the publish log has recorded a finished job: the draft's summary of its latest live
   * copy (for the library), the slug the site gave (pinned so autosave does not move the story's
   * address), and the event that tells the editor to look again.
   */
  async afterProgress(job: OutboxJob): Promise<void> {
    if (job.state !== 'done' || job.result === undefined) return;
    const entry = (await this.deps.log.read(job.draftId)).log.entries.find((candidate) => candidate.jobId === job.id);
    if (entry === undefined) return;
    if (entry.action === 'file') {
      // Filed for review: nothing is live, and a pending post has no address of its own yet
      // (WordPress gives the slug when it is published), so no slug is pinned and no live copy recorded.
      this.deps.logger.info('filed for review', { draftId: job.draftId, profileId: entry.profileId });
      this.deps.emit('drafts.changed', { id: job.draftId, revision: entry.revision, reason: 'published' });
      return;
    }
    let revision = entry.revision;
    if (entry.action !== 'unpublish' && job.result.slug !== undefined) {
      revision = await pinPublishedSlug(this.deps.drafts, job.draftId, entry.revision, job.result.slug);
      if (revision !== entry.revision) await this.deps.log.update(job.draftId, job.id, (current) => ({ ...current, revision }));
    }
    const latest: LivePublication = {
      profileId: entry.profileId,
      profileName: entry.profileName,
      url: job.result.url,
      at: this.deps.clock.now().toISOString(),
      revision,
      state: entry.action === 'unpublish' ? 'unpublished' : entry.action === 'schedule' ? 'scheduled' : 'live',
    };
    await this.deps.drafts.setPublication(job.draftId, (publication) => ({ ...publication, latest }));
    this.deps.logger.info('published', { draftId: job.draftId, profileId: entry.profileId, action: entry.action });
    this.deps.emit('drafts.changed', { id: job.draftId, revision, reason: 'published' });
  }

  private async chosenProfile(draft: Draft): Promise<string> {
    const chosen = draft.publication.profileId;
    if (chosen !== undefined && (await this.deps.profiles.profile(chosen)) !== undefined) return chosen;
    return this.deps.profiles.defaultProfileId();
  }

  private async profileOf(profileId: string): Promise<CmsProfile> {
    const profile = await this.deps.profiles.profile(profileId);
    if (profile === undefined) throw profileGone();
    return profile;
  }
}
