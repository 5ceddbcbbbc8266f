import { z } from 'zod';
import { readBody } from '../../../shared/editor/body-model';
import { AppFailure } from '../../../shared/ipc/result';
import { type Article, CompleteArticleSchema } from '../../../shared/model/article';
import { ReviewRecordSchema, UserSchema } from '../../../shared/model/review';

/**
 * The whole Newsroom story, carried inside the post when it is FILED to the desk (issue 7): the
 * CMS is the shared desk, and a second Newsroom must be able to open the story with every field,
 * comment and suggested change, not just the HTML the CMS shows. It travels as ONE HTML comment
 * in the post's content, next to the visible HTML (the text with pending suggestions rejected):
 *
 *   <!-- newsroom-story v1 <base64 of the JSON> -->
 *
 * Plain base64 (A–Z a–z 0–9 + / =) because it can never contain `--` or `>`, which would end or
 * break the comment. Only a `file` send carries it; publishing, updates, schedules and corrections
 * never do (the outbox publisher decides, and the adapters only write what the payload holds).
 */

export const DeskStoryEnvelopeSchema = z.object({
  /** The draft id on the machine that filed it: opening it elsewhere keeps this id. */
  storyId: z.uuid(),
  /** Everything, including the editorial note (the desk is who it is for). */
  article: CompleteArticleSchema,
  review: ReviewRecordSchema,
  /** The filing draft's revision (for the record only). */
  revision: z.number().int().nonnegative(),
  filedAt: z.iso.datetime({ offset: true }),
  /** Who filed it, as they named themselves in Newsroom (absent before they did). */
  filedBy: UserSchema.optional(),
});
export type DeskStoryEnvelope = z.infer<typeof DeskStoryEnvelopeSchema>;

const OPEN = '<!-- newsroom-story v1 ';
const STORY_COMMENT = /\n*<!-- newsroom-story v1 ([A-Za-z0-9+/=]*) -->\n*/;

/** The comment that carries the story. */
export function storyComment(story: DeskStoryEnvelope): string {
  const json = JSON.stringify(DeskStoryEnvelopeSchema.parse(story));
  return `${OPEN}${Buffer.from(json, 'utf8').toString('base64')} -->`;
}

/** The content without the story comment (what a person compares or reads). */
export const withoutStory = (content: string): string => content.replace(STORY_COMMENT, '\n\n').trim();

export const carriesStory = (content: string): boolean => content.includes(OPEN);

/**
 * The story a post carries: null when it has none (written on the web), BAD_RESPONSE in plain
 * words when it has one that cannot be trusted (damaged, or a body our editor cannot load).
 */
export function storyIn(content: string): DeskStoryEnvelope | null {
  if (!carriesStory(content)) return null;
  const match = STORY_COMMENT.exec(content);
  const damaged = (why: string, cause?: unknown): AppFailure =>
    new AppFailure('BAD_RESPONSE', `This story on the desk was filed from Newsroom, but what it carries is damaged (${why}), so it was not opened. Ask whoever filed it to file it again.`, {
      cause,
    });
  if (match === null) throw damaged('its story data is cut off or altered');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(match[1] ?? '', 'base64').toString('utf8'));
  } catch (error) {
    throw damaged('its story data is not readable', error);
  }
  const parsed = DeskStoryEnvelopeSchema.safeParse(json);
  if (!parsed.success) throw damaged('some story fields are missing or wrong', parsed.error);
  try {
    // The body must load in an editor with our nodes (suggestions and comment anchors included).
    readBody(parsed.data.article.body);
    readBody(parsed.data.article.body, 'accepted');
  } catch (error) {
    throw damaged('its text cannot be loaded', error);
  }
  return parsed.data;
}

/** For the envelope: the article as the draft holds it. */
export const envelopeOf = (input: {
  storyId: string;
  article: Article;
  review: DeskStoryEnvelope['review'];
  revision: number;
  filedAt: string;
  filedBy: DeskStoryEnvelope['filedBy'];
}): DeskStoryEnvelope => ({
  storyId: input.storyId,
  article: input.article as DeskStoryEnvelope['article'],
  review: input.review,
  revision: input.revision,
  filedAt: input.filedAt,
  ...(input.filedBy === undefined ? {} : { filedBy: input.filedBy }),
});
