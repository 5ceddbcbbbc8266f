import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { MethodOutput } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import type { CmsProfile } from '../../../shared/model/cms-profiles';
import type { Draft } from '../../../shared/model/draft';
import { latestFor, type LogEntry } from '../../../shared/model/publishing';
import type { DraftStore } from '../drafts/draft-store';
import type { Clock, EmitEvent, Logger } from '../ports';
import type { CmsAdapter, ReviewCopy } from '../publishing/adapter';
import { type DeskStoryEnvelope, storyIn } from '../publishing/desk-story';
import type { ProfileTransport } from '../publishing/profile-transport';
import type { PublishLogStore } from '../publishing/publish-log';
import type { CmsProfiles } from '../settings/cms-profiles';
import { keptCopyHeadline, sameVersion } from './desk-words';

export interface DeskInboxDeps {
  drafts: Pick<DraftStore, 'list' | 'read' | 'create' | 'putFromDesk' | 'setPublication'>;
  profiles: Pick<CmsProfiles, 'profile'>;
  transport: Pick<ProfileTransport, 'adapterFor'>;
  log: Pick<PublishLogStore, 'read' | 'append'>;
  emit: EmitEvent;
  clock: Clock;
  logger: Logger;
}

type Listed = MethodOutput<'desk.list'>['stories'][number];
type Opened = MethodOutput<'desk.open'>;

/**
 * The desk inbox (issue 7): the CMS is the shared desk. Listing reads the stories waiting for
 * review there; opening one brings the Newsroom story it carries (desk-story.ts) into a local
 * draft under the id it was filed with, so it comes back to the reporter's own draft, and records
 * the CMS's copy in the publish log: the next file or publish is an UPDATE of that post, refused
 * as CONFLICT when someone changed it on the CMS since (the outbox's usual check).
 */
export class DeskInbox {
  constructor(private readonly deps: DeskInboxDeps) {}

  async list(profileId: string): Promise<{ stories: Listed[] }> {
    const { adapter } = await this.deskOf(profileId);
    const listed = await adapter.listForReview();
    const local = new Set((await this.deps.drafts.list()).drafts.map((draft) => draft.id));
    const stories = await Promise.all(listed.map(async (item): Promise<Listed> => {
      const story = item.story === 'damaged' ? null : item.story;
      const opened = story !== null && local.has(story.storyId) && (await this.linked(story.storyId, profileId, item.remoteId));
      return {
        remoteId: item.remoteId,
        title: item.title,
        author: story?.filedBy?.name ?? item.author,
        modifiedAt: item.modifiedAt,
        // A damaged story still says it came from Newsroom: opening it explains what is wrong.
        fromNewsroom: item.story !== null,
        ...(story === null ? {} : { status: story.review.status }),
        url: item.url,
        ...(opened ? { localDraftId: story.storyId } : {}),
      };
    }));
    return { stories: stories.toSorted((a, b) => Date.parse(b.modifiedAt) - Date.parse(a.modifiedAt)) };
  }

  async open(profileId: string, remoteId: string): Promise<Opened> {
    const { profile, adapter } = await this.deskOf(profileId);
    const copy = await adapter.fetchForReview(remoteId);
    if (copy === null) throw new AppFailure('NOT_FOUND', `This story is no longer on ${profile.name}: it was deleted there.`);
    const story = storyIn(copy.content);
    if (story === null && /^publish/.test(copy.status)) {
      throw new AppFailure('CMS_ERROR', `“${copy.title || 'This story'}” is already published on ${profile.name}; it is no longer waiting on the desk.`);
    }
    if (story === null) {
      throw new AppFailure(
        'CMS_ERROR',
        `“${copy.title || 'This story'}” was written on ${profile.name}, not filed from Newsroom, so it cannot be opened here with its fields, comments and suggestions. Open it on the site instead.`,
      );
    }
    let id = story.storyId;
    let existing = await this.readIfThere(id);
    let kept: { id: string; headline: string } | undefined;
    // A local draft with this story id that never went to or came from THIS post is another
    // story (the post was duplicated on the site, or forged): this one opens as a new draft and
    // that draft is left alone.
    if (existing !== undefined && !(await this.linked(id, profileId, copy.remoteId))) {
      id = randomUUID();
      existing = undefined;
    }
    if (existing !== undefined) {
      const { log } = await this.deps.log.read(id);
      if (log.entries.some((entry) => entry.profileId === profileId && entry.state === 'queued')) {
        throw new AppFailure('INVALID_INPUT', `This story is still on its way to ${profile.name} from this computer. Open it again once the outbox has sent it.`);
      }
      const last = latestFor(log, profileId);
      // Nothing new on the desk: the local draft is that copy or newer; it stays as it is. The
      // story is compared too: WordPress's modified_gmt counts whole seconds, so a send back in
      // the same second as the copy this draft saw carries the same version.
      if (last?.version !== undefined && sameVersion(last.version, copy.version) && isDeepStrictEqual(existing.article, story.article)) {
        return { draftId: id, outcome: 'updated', message: `Your draft already has the latest version from ${profile.name}.` };
      }
      // Edits never sent (or a draft never sent to this desk) are kept as a copy before the desk's version replaces them.
      if (last === undefined || existing.revision > last.revision) kept = await this.keepCopy(existing);
    }
    const { draft, created } = await this.deps.drafts.putFromDesk(id, story.article, story.review);
    await this.deps.drafts.setPublication(id, (publication) => ({ ...publication, profileId }));
    await this.deps.log.append(id, this.entryFor(profile, copy, draft.revision));
    this.deps.logger.info('opened from the desk', { draftId: id, profileId, remoteId, created });
    this.deps.emit('drafts.changed', { id, revision: draft.revision, reason: created ? 'created' : 'desk' });
    return { draftId: id, outcome: created ? 'created' : 'updated', message: this.messageFor(story, profile, created, kept) };
  }

  /** The profile and its adapter, when it has a desk inbox. */
  private async deskOf(profileId: string): Promise<{ profile: CmsProfile; adapter: Required<Pick<CmsAdapter, 'listForReview' | 'fetchForReview'>> }> {
    const profile = await this.deps.profiles.profile(profileId);
    const adapter = profile === undefined ? undefined : await this.deps.transport.adapterFor(profileId);
    if (profile === undefined || adapter === undefined) throw new AppFailure('NOT_FOUND', 'This publishing destination no longer exists. Choose another one.');
    const { listForReview, fetchForReview } = adapter;
    if (listForReview === undefined || fetchForReview === undefined) throw new AppFailure('NOT_CONFIGURED', 'This destination has no desk inbox.');
    return { profile, adapter: { listForReview: listForReview.bind(adapter), fetchForReview: fetchForReview.bind(adapter) } };
  }

  /** The local draft `id` went to, or came from, that very post (its publish log says so). */
  private async linked(id: string, profileId: string, remoteId: string): Promise<boolean> {
    const { log } = await this.deps.log.read(id);
    return log.entries.some((entry) => entry.profileId === profileId && entry.remoteId === remoteId);
  }

  private async readIfThere(id: string): Promise<Draft | undefined> {
    try {
      return await this.deps.drafts.read(id);
    } catch (error) {
      if (error instanceof AppFailure && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  }

  private async keepCopy(draft: Draft): Promise<{ id: string; headline: string }> {
    const headline = keptCopyHeadline(draft.article.headline, this.deps.clock.now());
    const copy = await this.deps.drafts.create({ ...draft.article, headline });
    this.deps.emit('drafts.changed', { id: copy.id, revision: copy.revision, reason: 'created' });
    return { id: copy.id, headline };
  }

  /** The CMS's copy as this draft now holds it: the base the next send is checked against. */
  private entryFor(profile: CmsProfile, copy: ReviewCopy, revision: number): LogEntry {
    const now = this.deps.clock.now().toISOString();
    return {
      jobId: randomUUID(),
      profileId: profile.id,
      profileName: profile.name,
      action: 'file',
      queuedAt: now,
      finishedAt: now,
      state: 'sent',
      remoteId: copy.remoteId,
      url: copy.url,
      version: copy.version,
      revision,
    };
  }

  private messageFor(story: DeskStoryEnvelope, profile: CmsProfile, created: boolean, kept: { headline: string } | undefined): string {
    const title = story.article.headline.trim() || 'Untitled';
    const opened = created ? `Opened “${title}” from ${profile.name}.` : `Brought “${title}” up to date from ${profile.name}.`;
    return kept === undefined ? opened : `${opened} Your edits that had not been sent were kept as a new draft, “${kept.headline}”.`;
  }
}
