import { readBody } from '../../../../shared/editor/body-model';
import { escapeHtml, renderBodyBlocks } from '../../../../shared/editor/render-html';
import { bylineText, correctionText } from '../../../../shared/editor/story-text';
import type { Article } from '../../../../shared/model/article';
import type { MappingPreview } from '../adapter';
import { formatDateline } from '../dateline';

import type { GhostPostFields } from './ghost-client';
import { captionWithCredit, withDateline } from '../story-mapping';

/**
 * How the story fields land in a Ghost post (Admin API 5.x), as a pure function:
 *
 * | story field      | Ghost                                                                  |
 * |------------------|------------------------------------------------------------------------|
 * | headline         | `title` (Ghost holds 255 characters)                                   |
 * | standfirst       | `custom_excerpt` (300 characters)                                      |
 * | slug             | `slug` (the adapter decides which, like WordPress' `slugToSend`)       |
 * | section, tags    | `tags` by name, section first = Ghost's primary tag; Ghost creates     |
 * |                  | missing tags itself                                                     |
 * | byline           | first paragraph of the body, "By A and B": Ghost authors are staff     |
 * |                  | accounts, not printed names                                             |
 * | dateline         | opens the first paragraph: `MADRID, Nov. 28 — …`                        |
 * | SEO title, desc. | `meta_title` (300), `meta_description` (500)                            |
 * | featured image   | `feature_image` (uploaded URL), `feature_image_alt` (191),              |
 * |                  | `feature_image_caption` (caption and credit, as HTML)                   |
 * | body             | HTML sent with `?source=html`: Ghost converts it to its own editor's   |
 * |                  | format; body images show the uploaded URLs                              |
 * | correction       | the house line, last, in an HTML card (see `correctionCard`); earlier  |
 * |                  | corrections on the post are kept on every update                        |
 * | editorial note   | NEVER SENT: it is for the desk only                                     |
 *
 * Ghost refuses a field longer than its limit (422), so a longer value is cut at a word and the
 * preview says what was cut. Ghost drops class attributes when it converts HTML, so the byline
 * and correction paragraphs arrive as plain paragraphs.
 */
export const GHOST_LIMITS = { title: 255, excerpt: 300, metaTitle: 300, metaDescription: 500, imageAlt: 191 } as const;

export interface GhostMappingOptions {
  /** The URL Ghost serves an uploaded asset from; images without one are left out. */
  imageUrl: (asset: string) => string | undefined;
  correction?: { note: string; at: string } | undefined;
  /** Correction paragraphs the post already shows (`correctionsIn` its current HTML), kept in order. */
  keptCorrections?: readonly string[] | undefined;
  slug?: string | undefined;
}

/**
 * A correction paragraph in a Ghost HTML card. Ghost converts plain HTML to its editor's format
 * and drops class attributes, so a plain `<p class="correction">` would come back as an ordinary
 * paragraph; inside an HTML card Ghost keeps the markup as it is (checked against 5.130.6), so
 * themes can style it and a later update can find it again.
 */
export const correctionCard = (paragraph: string): string => `<!--kg-card-begin: html-->${paragraph}<!--kg-card-end: html-->`;

const CORRECTION_CARD = /<!--kg-card-begin: html-->\s*(<p class="correction">[\s\S]*?<\/p>)\s*<!--kg-card-end: html-->/g;

/**
 * The correction paragraphs a post's HTML shows, as Ghost gives them back. The story snapshot
 * does not hold them (they were appended on the site), and a correction must not vanish when the
 * story is updated again.
 */
export const correctionsIn = (html: string): string[] => [...html.matchAll(CORRECTION_CARD)].map((match) => match[1] ?? '');

/** Every image file the story needs on the site: the featured image, then the body's, once each. */
export function imageAssets(article: Pick<Article, 'featuredImage' | 'body'>): string[] {
  const assets = new Set<string>();
  if (article.featuredImage) assets.add(article.featuredImage.asset);
  for (const block of readBody(article.body)) if (block.kind === 'image' && block.image.asset) assets.add(block.image.asset);
  return [...assets];
}

/** The text cut to `max` characters at a word boundary, with an ellipsis, when it is longer. */
export function fit(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** Section first (the primary tag), then the tags; blanks and repeats (any case) dropped. */
export function tagNames(article: Pick<Article, 'section' | 'tags'>): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of [article.section, ...article.tags]) {
    const name = raw.trim().replace(/\s+/g, ' ');
    // Ghost refuses a tag name starting with a comma; `#` would make it an internal (hidden) tag.
    const clean = name.replace(/^[,#\s]+/, '');
    if (clean === '' || seen.has(clean.toLocaleLowerCase('en'))) continue;
    seen.add(clean.toLocaleLowerCase('en'));
    names.push(clean);
  }
  return names;
}

export function featureCaption(image: { caption: string; credit: string }): string {
  return escapeHtml(captionWithCredit(image.caption, image.credit));
}

/** The post's HTML: byline, the body with its dateline, and the correction line last. */
export function ghostBodyHtml(article: Article, options: Pick<GhostMappingOptions, 'imageUrl' | 'correction' | 'keptCorrections'>): string {
  const byline = bylineText(article.byline);
  const blocks = withDateline(renderBodyBlocks(article.body, { imageUrl: options.imageUrl }), formatDateline(article.dateline));
  const corrections = [...(options.keptCorrections ?? [])];
  if (options.correction) {
    const line = `<p class="correction">${escapeHtml(correctionText(options.correction.note, options.correction.at))}</p>`;
    if (!corrections.includes(line)) corrections.push(line);
  }
  const parts = [
    byline === '' ? '' : `<p class="byline">${escapeHtml(byline)}</p>`,
    ...blocks.map((block) => block.html),
    ...corrections.map(correctionCard),
  ];
  return parts.filter((part) => part !== '').join('\n');
}

/**
 * The post's fields, without status and timing (the adapter's). Fields are sent even when empty,
 * so clearing one in Newsroom clears it on Ghost at the next update.
 */
export function ghostPostFields(article: Article, options: GhostMappingOptions): Omit<GhostPostFields, 'status'> {
  const image = article.featuredImage;
  const imageUrl = image ? options.imageUrl(image.asset) : undefined;
  return {
    title: fit(article.headline, GHOST_LIMITS.title),
    html: ghostBodyHtml(article, options),
    custom_excerpt: fit(article.standfirst, GHOST_LIMITS.excerpt),
    tags: tagNames(article),
    meta_title: fit(article.seoTitle, GHOST_LIMITS.metaTitle),
    meta_description: fit(article.seoDescription, GHOST_LIMITS.metaDescription),
    feature_image: image && imageUrl !== undefined ? imageUrl : null,
    feature_image_alt: image && imageUrl !== undefined ? fit(image.alt, GHOST_LIMITS.imageAlt) : null,
    feature_image_caption: image && imageUrl !== undefined ? featureCaption(image) : null,
    ...(options.slug === undefined ? {} : { slug: options.slug }),
  };
}

/** What Ghost will get for this story and what it cannot hold, before any upload. */
export function ghostPreview(article: Article): MappingPreview {
  // Images are shown by their draft name here; on publishing they are uploaded and get Ghost's URL.
  const fields = ghostPostFields(article, { imageUrl: (asset) => `https://ghost.invalid/${asset}` });
  const [primary, ...rest] = fields.tags ?? [];
  const sent: MappingPreview['sent'] = [
    { field: 'Title', value: fields.title },
    { field: 'Excerpt', value: fields.custom_excerpt ?? '' },
    { field: 'Slug', value: article.slugFollowsHeadline ? '(made from the headline)' : article.slug },
    { field: 'Primary tag', value: primary ?? '' },
    { field: 'Tags', value: rest.join(', ') },
    { field: 'Byline', value: bylineText(article.byline) === '' ? '' : `${bylineText(article.byline)} (printed at the top of the text)` },
    { field: 'Dateline', value: formatDateline(article.dateline) === '' ? '' : `${formatDateline(article.dateline)} (opens the first paragraph)` },
    { field: 'Meta title', value: fields.meta_title ?? '' },
    { field: 'Meta description', value: fields.meta_description ?? '' },
    { field: 'Feature image', value: article.featuredImage ? `${article.featuredImage.asset} (uploaded to Ghost)` : '' },
    { field: 'Feature image alt text', value: fields.feature_image_alt ?? '' },
    { field: 'Feature image caption', value: article.featuredImage ? captionWithCredit(article.featuredImage.caption, article.featuredImage.credit) : '' },
  ];
  const lost: string[] = [];
  if (bylineText(article.byline) !== '') {
    lost.push('Byline as Ghost authors (Ghost authors are staff accounts; the byline is printed at the top of the text instead, and the post’s author is the key’s owner)');
  }
  const cut = (label: string, value: string, max: number): void => {
    if (value.trim().length > max) lost.push(`${label} after ${max} characters (Ghost holds no more; it is cut at a word)`);
  };
  cut('Headline', article.headline, GHOST_LIMITS.title);
  cut('Standfirst', article.standfirst, GHOST_LIMITS.excerpt);
  cut('SEO title', article.seoTitle, GHOST_LIMITS.metaTitle);
  cut('SEO description', article.seoDescription, GHOST_LIMITS.metaDescription);
  if (article.featuredImage) cut('Featured image alt text', article.featuredImage.alt, GHOST_LIMITS.imageAlt);
  if (article.editorialNote.trim() !== '') lost.push('Editorial note (for the desk only: never sent)');
  return { sent: sent.filter((entry) => entry.value !== ''), lost, body: fields.html };
}
