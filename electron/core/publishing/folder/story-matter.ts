import type { Article } from '../../../../shared/model/article';
import { slugFromHeadline } from '../../../../shared/model/slug';
import { renderBodyMarkdown } from '../../../../shared/editor/render-markdown';
import { correctionText } from '../../../../shared/editor/story-text';
import type { PublishPayload } from '../adapter';
import type { FrontMatter } from './front-matter';
import { correctionMarkdown } from './story-parts';

/** A story as the folder holds it: front matter and Markdown body. The editorial note is never written. */

export interface MatterContext {
  draftId: string;
  idempotencyKey: string;
  /** Now, as ISO text. */
  now: string;
  /** The front matter already in the folder (an update keeps its first publish date). */
  previous: FrontMatter | undefined;
}

export function storyMatter(payload: PublishPayload, context: MatterContext): FrontMatter {
  const { article } = payload;
  const previous = context.previous;
  // A site shows `date` as the publish date: an update of a live story keeps it; a schedule sets it.
  const date =
    payload.timing.kind === 'scheduled'
      ? payload.timing.publishAt
      : previous !== undefined && !previous.draft && Date.parse(previous.date) <= Date.parse(context.now)
        ? previous.date
        : context.now;
  const matter: FrontMatter = {
    // Keys a person added by hand stay.
    ...previous,
    title: article.headline,
    slug: article.slug,
    date,
    draft: false,
    description: article.standfirst,
    authors: [...article.byline],
    categories: article.section === '' ? [] : [article.section],
    tags: [...article.tags],
    dateline: { ...article.dateline },
    seo: { title: article.seoTitle, description: article.seoDescription },
    newsroom: { draft_id: context.draftId, idempotency_key: context.idempotencyKey, revision: payload.revision },
  };
  if (previous !== undefined) matter.lastmod = context.now;
  else delete matter.lastmod;
  const image = article.featuredImage;
  if (image) matter.featured_image = { src: `assets/${image.asset}`, alt: image.alt, caption: image.caption, credit: image.credit };
  else delete matter.featured_image;
  // A correction stays printed under the story when a later update comes without one.
  const correction = storyCorrection(payload, previous);
  if (correction) matter.correction = { ...correction, text: correctionText(correction.note, correction.at) };
  else delete matter.correction;
  return matter;
}

function storyCorrection(payload: PublishPayload, previous: FrontMatter | undefined): { note: string; at: string } | undefined {
  if (payload.correction) return payload.correction;
  const kept = previous?.correction;
  return kept ? { note: kept.note, at: kept.at } : undefined;
}

/** The Markdown body, with the house correction line at the end when the story carries one. */
export function storyBody(payload: PublishPayload, previous: FrontMatter | undefined): string {
  const body = renderBodyMarkdown(payload.article.body);
  const correction = storyCorrection(payload, previous);
  return correction ? `${body}\n\n${correctionMarkdown(correction.note, correction.at)}` : body;
}

/** Names Windows will not give a folder, whatever follows the dot. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * The folder name a new story asks for: its slug, else one made from the headline; short enough
 * to leave room for a `-2` and for the paths under it on Windows.
 */
export function folderBase(article: Article, draftId: string): string {
  const slug = (article.slug !== '' ? article.slug : slugFromHeadline(article.headline)).slice(0, 100).replace(/-+$/, '');
  if (slug === '') return `story-${draftId.slice(0, 8)}`;
  return WINDOWS_RESERVED.test(slug) ? `${slug}-story` : slug;
}
