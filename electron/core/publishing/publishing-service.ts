import { renderBodyBlocks } from '../../../shared/editor/render-html';
import type { MethodOutput } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import type { Clock, EmitEvent, FetchLike, Logger } from '../ports';
import type { DraftStore } from '../drafts/draft-store';
import type { WordPressProfile } from '../settings/wordpress-profile';
import { toBlockMarkup } from './wordpress/block-markup';
import { WordPressClient } from './wordpress/wordpress-client';

type PublishResult = MethodOutput<'publishing.publish'>;

/**
 * Publishing v1: render the saved draft in Node and create or update its WordPress post. Publishes
 * of one draft run one at a time, and the post id is recorded as soon as WordPress answers, so a
 * second click updates the same post instead of creating another.
 */
export class PublishingService {
  private readonly inFlight = new Map<string, Promise<PublishResult>>();

  constructor(
    private readonly deps: {
      drafts: DraftStore;
      profile: WordPressProfile;
      fetch: FetchLike;
      clock: Clock;
      emit: EmitEvent;
      logger: Logger;
    },
  ) {}

  async testConnection(input: { siteUrl: string; username: string; applicationPassword?: string | undefined }) {
    const credentials = await this.deps.profile.credentialsFrom(input);
    const me = await new WordPressClient(credentials, this.deps.fetch).whoAmI();
    return { userDisplayName: me.name, canPublish: me.canPublish };
  }

  publish(draftId: string): Promise<PublishResult> {
    const previous = this.inFlight.get(draftId) ?? Promise.resolve(undefined);
    const next = previous.catch(() => undefined).then(() => this.publishNow(draftId));
    this.inFlight.set(draftId, next);
    const forget = (): void => {
      if (this.inFlight.get(draftId) === next) this.inFlight.delete(draftId);
    };
    // The caller handles the rejection; this branch only clears the queue entry.
    next.then(forget, forget);
    return next;
  }

  private async publishNow(draftId: string): Promise<PublishResult> {
    const credentials = await this.deps.profile.storedCredentials();
    const draft = await this.deps.drafts.read(draftId);
    const title = draft.article.headline.trim();
    if (title === '') throw new AppFailure('INVALID_INPUT', 'Add a headline before publishing.');
    let content: string;
    try {
      content = toBlockMarkup(renderBodyBlocks(draft.article.body));
    } catch (error) {
      throw new AppFailure('DRAFT_CORRUPT', 'The story body could not be prepared for publishing; it was not sent.', { cause: error });
    }
    const client = new WordPressClient(credentials, this.deps.fetch);
    const existing = draft.publication.wordpress;
    const sameSite = existing !== undefined && existing.siteUrl === credentials.siteUrl;
    const post = { title, content, status: 'publish' as const };
    const remote = sameSite ? await client.updatePost(existing.postId, post) : await client.createPost(post);
    const publishedAt = this.deps.clock.now().toISOString();
    await this.deps.drafts.setPublication(draftId, (publication) => ({
      ...publication,
      wordpress: { siteUrl: credentials.siteUrl, postId: remote.id, url: remote.link, publishedAt, revision: draft.revision },
    }));
    this.deps.logger.info('published', { draftId, postId: remote.id, action: sameSite ? 'updated' : 'created' });
    this.deps.emit('drafts.changed', { id: draftId, revision: draft.revision, reason: 'published' });
    return { action: sameSite ? 'updated' : 'created', postId: remote.id, url: remote.link, publishedAt };
  }
}
