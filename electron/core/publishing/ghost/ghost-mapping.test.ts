import { describe, expect, it } from 'vitest';
import { body, paragraph, text } from '../../../../shared/editor/article-fixture';
import { type Article, newArticle } from '../../../../shared/model/article';
import { correctionsIn, fit, GHOST_LIMITS, ghostBodyHtml, ghostPostFields, ghostPreview, imageAssets, tagNames } from './ghost-mapping';

const FEATURED = 'aaaaaaaaaaaaaaaa.png';
const INLINE = 'bbbbbbbbbbbbbbbb.jpg';
const NOTE = 'Desk only: the second source is unconfirmed';

const imageNode = (asset: string | null) => ({ type: 'article-image', version: 1, asset, alt: 'Harbour at dawn', caption: 'The port', credit: 'Ana <Photo>' });

function story(fields: Partial<Article> = {}): Article {
  return newArticle({
    headline: 'Port reopens after storm',
    standfirst: 'Ships return to Cádiz.',
    byline: ['Ana Ruiz', 'Luis Pérez'],
    section: 'Local',
    tags: ['Harbour', 'local', ' Weather '],
    slug: 'port-reopens',
    slugFollowsHeadline: false,
    dateline: { place: 'Cádiz', date: '2026-11-28' },
    seoTitle: 'Cádiz port reopens',
    seoDescription: 'The port of Cádiz reopened on Saturday.',
    editorialNote: NOTE,
    featuredImage: { asset: FEATURED, alt: 'Cranes', caption: 'Cranes & ships', credit: 'EFE' },
    body: body(paragraph(text('The port reopened on Saturday.')), imageNode(INLINE), imageNode(FEATURED), imageNode(null), paragraph(text('Ships & ferries.'))),
    ...fields,
  });
}

const urls: Record<string, string> = { [FEATURED]: 'https://ghost.example/content/images/f.png', [INLINE]: 'https://ghost.example/content/images/i.jpg' };
const imageUrl = (asset: string): string | undefined => urls[asset];

describe('story → Ghost post', () => {
  it('maps every field: title, excerpt, slug, tags with the section first, SEO, feature image with caption and credit', () => {
    const fields = ghostPostFields(story(), { imageUrl, slug: 'port-reopens' });
    expect(fields).toMatchObject({
      title: 'Port reopens after storm',
      custom_excerpt: 'Ships return to Cádiz.',
      slug: 'port-reopens',
      tags: ['Local', 'Harbour', 'Weather'],
      meta_title: 'Cádiz port reopens',
      meta_description: 'The port of Cádiz reopened on Saturday.',
      feature_image: urls[FEATURED],
      feature_image_alt: 'Cranes',
      feature_image_caption: 'Cranes &amp; ships (EFE)',
    });
    expect(fields).not.toHaveProperty('status');
  });

  it('prints the byline first, opens the first paragraph with the dateline, and shows body images from their uploaded URLs', () => {
    const html = ghostBodyHtml(story(), { imageUrl });
    const lines = html.split('\n');
    expect(lines[0]).toBe('<p class="byline">By Ana Ruiz and Luis Pérez</p>');
    expect(lines[1]).toBe('<p>CÁDIZ, Nov. 28 — The port reopened on Saturday.</p>');
    expect(lines[2]).toContain(`<img src="${urls[INLINE]}" alt="Harbour at dawn">`);
    expect(lines[2]).toContain('<span class="credit">Ana &lt;Photo&gt;</span>');
    expect(lines[3]).toContain(`<img src="${urls[FEATURED]}"`);
    // The placeholder without a file is left out.
    expect(lines[4]).toBe('<p>Ships &amp; ferries.</p>');
    expect(lines).toHaveLength(5);
  });

  it('appends a correction as the last paragraph in the house format', () => {
    const html = ghostBodyHtml(story(), { imageUrl, correction: { note: 'An earlier version gave the wrong date.', at: '2026-11-29T10:00:00Z' } });
    expect(html.split('\n').at(-1)).toBe(
      '<!--kg-card-begin: html--><p class="correction">Correction, 29 November 2026: An earlier version gave the wrong date.</p><!--kg-card-end: html-->',
    );
  });

  it('keeps the corrections the post already shows (as Ghost gives them back), once each, the new one last', () => {
    const onGhost =
      '<p>Body</p>\n<!--kg-card-begin: html-->\n<p class="correction">Correction, 1 May 2026: First &amp; fixed.</p>\n<!--kg-card-end: html-->\n<p class="correction">Not a card</p>';
    const kept = correctionsIn(onGhost);
    expect(kept).toEqual(['<p class="correction">Correction, 1 May 2026: First &amp; fixed.</p>']);
    const html = ghostBodyHtml(story(), { imageUrl, keptCorrections: kept, correction: { note: 'Second.', at: '2026-05-02T08:00:00Z' } });
    expect(correctionsIn(html)).toEqual([...kept, '<p class="correction">Correction, 2 May 2026: Second.</p>']);
    // The same correction sent again (a retried job) is not doubled.
    const again = ghostBodyHtml(story(), { imageUrl, keptCorrections: correctionsIn(html), correction: { note: 'Second.', at: '2026-05-02T08:00:00Z' } });
    expect(correctionsIn(again)).toHaveLength(2);
  });

  it('never sends the editorial note, in any field', () => {
    const fields = ghostPostFields(story(), { imageUrl, correction: { note: 'x', at: '2026-11-29T10:00:00Z' } });
    expect(JSON.stringify(fields)).not.toContain('second source');
    expect(ghostPreview(story()).body).not.toContain('second source');
    expect(JSON.stringify(ghostPreview(story()).sent)).not.toContain('second source');
  });

  it('sends emptied fields as empty, so an update clears them on Ghost, and no image when there is none', () => {
    const fields = ghostPostFields(story({ standfirst: '', seoTitle: '', featuredImage: null, byline: [], dateline: { place: '', date: '' } }), { imageUrl });
    expect(fields).toMatchObject({ custom_excerpt: '', meta_title: '', feature_image: null, feature_image_alt: null, feature_image_caption: null });
    expect(fields).not.toHaveProperty('slug');
    expect(fields.html.startsWith('<p>The port reopened')).toBe(true);
  });

  it('leaves the featured image out when it could not be uploaded (no URL)', () => {
    expect(ghostPostFields(story(), { imageUrl: () => undefined }).feature_image).toBeNull();
  });

  it('orders tags section first, without blanks, repeats in any case, or a leading # that would hide the tag', () => {
    expect(tagNames({ section: '', tags: ['#Secret', '', 'A', 'a', ',B'] })).toEqual(['Secret', 'A', 'B']);
    expect(tagNames({ section: 'Sport', tags: ['sport', 'Football'] })).toEqual(['Sport', 'Football']);
  });

  it('cuts a value longer than Ghost holds at a word, and lists it as lost', () => {
    const long = `${'word '.repeat(70)}end`;
    expect(fit(long, GHOST_LIMITS.excerpt).length).toBeLessThanOrEqual(GHOST_LIMITS.excerpt);
    expect(fit(long, GHOST_LIMITS.excerpt)).toMatch(/word…$/);
    expect(fit('  short  ', 10)).toBe('short');
    const preview = ghostPreview(story({ standfirst: long }));
    expect(preview.lost).toContain('Standfirst after 300 characters (Ghost holds no more; it is cut at a word)');
  });

  it('lists the images to upload once each, featured first', () => {
    expect(imageAssets(story())).toEqual([FEATURED, INLINE]);
    expect(imageAssets(story({ featuredImage: null }))).toEqual([INLINE, FEATURED]);
  });
});

describe('the Ghost preview', () => {
  it('says what is sent, where the byline goes, and what is lost', () => {
    const preview = ghostPreview(story());
    const sent = Object.fromEntries(preview.sent.map((entry) => [entry.field, entry.value]));
    expect(sent).toMatchObject({
      Title: 'Port reopens after storm',
      Excerpt: 'Ships return to Cádiz.',
      Slug: 'port-reopens',
      'Primary tag': 'Local',
      Tags: 'Harbour, Weather',
      Byline: 'By Ana Ruiz and Luis Pérez (printed at the top of the text)',
      Dateline: 'CÁDIZ, Nov. 28 — (opens the first paragraph)',
      'Meta title': 'Cádiz port reopens',
      'Meta description': 'The port of Cádiz reopened on Saturday.',
      'Feature image alt text': 'Cranes',
      'Feature image caption': 'Cranes & ships (EFE)',
    });
    expect(sent['Feature image']).toContain(FEATURED);
    expect(preview.lost).toEqual([
      expect.stringMatching(/^Byline as Ghost authors \(Ghost authors are staff accounts; the byline is printed at the top of the text/),
      'Editorial note (for the desk only: never sent)',
    ]);
    expect(preview.body).toContain('<p class="byline">By Ana Ruiz and Luis Pérez</p>');
  });

  it('leaves out empty fields and has nothing lost for a plain story', () => {
    const preview = ghostPreview(story({ byline: [], editorialNote: '', seoTitle: '', tags: [], section: '', featuredImage: null, slugFollowsHeadline: true }));
    expect(preview.lost).toEqual([]);
    expect(preview.sent.map((entry) => entry.field)).toEqual(['Title', 'Excerpt', 'Slug', 'Dateline', 'Meta description']);
  });
});
