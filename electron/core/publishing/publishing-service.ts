import { renderBodyBlocks } from '../../../shared/editor/render-html';
import type { MethodOutput } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import { SlugSchema } from '../../../shared/model/article';
import { checkReadiness } from '../../../shared/model/readiness';
import type { Clock, EmitEvent, FetchLike, Logger } from '../ports';
import type { DraftAssets } from '../drafts/draft-assets';
import type { DraftStore } from '../drafts/draft-store';
import type { HouseRules } from '../settings/house-rules';
import type { WordPressProfile } from '../settings/wordpress-profile';
import { renderWithUploadedImages } from './wordpress/body-images';
import { MediaLibrary } from './wordpress/media';
import { basePostFields, postContent } from './wordpress/post-mapping';
import { resolveTerms } from './wordpress/terms';
import { WordPressClient } from './wordpress/wordpress-client';
import { captionWithCredit, slugToSend } from './story-mapping';

type PublishResult = MethodOutput<'publishing.publish'>;

/**
 * Publishing: check the saved draft against the house rules, render it in Node, and create or
 * update its WordPress post with the story fields (wordpress/post-mapping.ts says which field goes
 * where, and which are not sent). Publishes of one draft run one at a time, and the post id is
 * recorded as soon as WordPress answers, so a second click updates the same post.
 */
export class PublishingService {
  private readonly inFlight = new Map<string, Promise<PublishResult>>();

  constructor(
    private readonly deps: {
      drafts: DraftStore;
      /** The draft's image files, uploaded to the media library. */
      assets: Pick<DraftAssets, 'read'>;
      /** The house profile: a story that fails its checks is not sent. */
      houseRules: Pick<HouseRules, 'get'>;
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
    const { article } = draft;
    if (article.headline.trim() === '') throw new AppFailure('INVALID_INPUT', 'Add a headline before publishing.');
    const existing = draft.publication.wordpress;
    const previous = existing !== undefined && existing.siteUrl === credentials.siteUrl ? existing : undefined;
    const slug = slugToSend(article, previous?.slug);
    // The same checks as the checklist the journalist sees, on what would be sent: nothing goes out otherwise.
    const problems = checkReadiness({ ...article, slug: slug ?? '' }, this.deps.houseRules.get());
    if (problems.length > 0) {
      throw new AppFailure('NOT_READY', `Not published: ${problems.map((problem) => problem.message).join(' ')}`);
    }
    try {
      renderBodyBlocks(article.body); // a body that cannot be rendered stops here, before anything is uploaded
    } catch (error) {
      throw new AppFailure('DRAFT_CORRUPT', 'The story body could not be prepared for publishing; it was not sent.', { cause: error });
    }

    const client = new WordPressClient(credentials, this.deps.fetch);
    const media = new MediaLibrary(client, (asset) => this.deps.assets.read(draftId, asset), previous?.media);
    const { blocks, mediaIdOf } = await renderWithUploadedImages(article.body, media);
    const image = article.featuredImage;
    const featured = image ? await media.ensure(image.asset, { alt: image.alt, caption: captionWithCredit(image.caption, image.credit) }) : undefined;
    const post = {
      ...basePostFields(article, postContent(article, blocks, { mediaIdOf }), slug),
      tags: await resolveTerms(client, 'tags', article.tags),
      categories: await resolveTerms(client, 'categories', [article.section]),
      // 0 takes a removed featured image off the post too.
      featured_media: featured?.id ?? 0,
    };
    const remote = previous ? await client.updatePost(previous.postId, post) : await client.createPost(post);
    const publishedAt = this.deps.clock.now().toISOString();
    const revision = await this.pinSlug(draftId, draft.revision, remote.slug);
    await this.deps.drafts.setPublication(draftId, (publication) => ({
      ...publication,
      wordpress: { siteUrl: credentials.siteUrl, postId: remote.id, url: remote.link, publishedAt, revision, slug: remote.slug, media: media.record },
    }));
    const action = previous ? 'updated' : 'created';
    this.deps.logger.info('published', { draftId, postId: remote.id, action });
    this.deps.emit('drafts.changed', { id: draftId, revision, reason: 'published' });
    return { action, postId: remote.id, url: remote.link, publishedAt, slug: remote.slug };
  }

  /**
   * Once published, the story's address stays put: the slug field stops following the headline
   * and holds what WordPress chose. Returns the revision the publication record names. When the
   * draft was not edited while publishing, the pinned save itself is what went out (only the slug
   * field changed, to what the site has), so the record names it and the draft does not look
   * changed since publishing; an edit made meanwhile keeps the older revision, so the live copy
   * reads as behind, as it is.
   */
  private async pinSlug(draftId: string, sentRevision: number, published: string): Promise<number> {
    // A slug WordPress percent-encoded (a headline in another script) is not one the field accepts.
    if (!SlugSchema.safeParse(published).success) return sentRevision;
    // Read and write in one step of the draft's queue: an autosave cannot slip in between.
    const { before, revision } = await this.deps.drafts.updateArticle(draftId, (article) =>
      !article.slugFollowsHeadline && article.slug === published ? null : { ...article, slug: published, slugFollowsHeadline: false },
    );
    return before.revision === sentRevision ? revision : sentRevision;
  }
}
