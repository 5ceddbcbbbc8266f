import type { Article } from '../model/article';
import { readBody } from './body-model';
import { escapeHtml, imageFigureHtml, isSafeImageSrc, renderBlocks, renderBodyHtml, type RenderOptions } from './render-html';
import { commentsSectionHtml, numberComments } from './render-review';
import { bylineText, datelineText } from './story-text';

/**
 * The whole story as one HTML document, for export: headline, standfirst, byline, dateline and
 * featured image over the body; section, tags and SEO fields as metadata. Everything is escaped,
 * the document carries a Content-Security-Policy that allows no script at all (defence in depth:
 * nothing we write is executable), and the editorial note is never written.
 */

const STYLE = `body{font:18px/1.6 Georgia,serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:2.2rem;line-height:1.2}.standfirst{font-size:1.25rem;color:#444}.byline,.dateline,.section{font:0.95rem sans-serif;color:#555}
figure{margin:1.5rem 0}img{max-width:100%;height:auto}figcaption{font:0.9rem sans-serif;color:#555}.credit{color:#777}
.pull-quote{font-size:1.4rem;border-left:4px solid #999;padding-left:1rem}.pull-quote blockquote{margin:0}.pull-quote figcaption::before{content:"— "}
.embed a{display:block;padding:1rem;border:1px solid #ccc;font:0.95rem sans-serif;word-break:break-all}.tags{font:0.9rem sans-serif;color:#555}`;

/** Review exports only: insertions, deletions and commented passages, and the comments at the end. */
const REVIEW_STYLE = `ins.suggestion{color:#0a6b2d;background:#e3f6e8}del.suggestion{color:#a61b1b;background:#fbe5e5}
mark.comment{background:#fff3b0}.comment-ref{font:0.75rem sans-serif}.comments{border-top:2px solid #ccc;margin-top:2rem;font:0.95rem sans-serif}
.comments blockquote{margin:0;font-style:italic;border-left:3px solid #e0b400;padding-left:0.5rem}.comment-orphan,.comment-resolved{color:#555}`;

const CSP = "default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'";

const meta = (name: string, content: string) =>
  content.trim() === '' ? '' : `<meta name="${name}" content="${escapeHtml(content.trim())}">`;

const paragraph = (className: string, text: string) =>
  text.trim() === '' ? '' : `<p class="${className}">${escapeHtml(text.trim())}</p>`;

/**
 * `review` (export only, never publishing): pending suggestions as `<ins>`/`<del>` with who and
 * when, commented passages as numbered marks, and a Comments section after the story.
 */
export function renderArticleHtml(article: Article, options: RenderOptions & { review?: boolean } = {}): string {
  const title = article.seoTitle.trim() || article.headline.trim() || 'Untitled';
  const image = article.featuredImage;
  const imageSrc = image ? options.imageUrl?.(image.asset) : undefined;
  const featured =
    image && imageSrc !== undefined && isSafeImageSrc(imageSrc)
      ? imageFigureHtml(imageSrc, image.alt, image.caption, image.credit, 'featured-image')
      : '';
  const dateline = datelineText(article.dateline);
  const datelineHtml =
    dateline === ''
      ? ''
      : article.dateline.date === ''
        ? `<p class="dateline">${escapeHtml(dateline)}</p>`
        : `<p class="dateline"><time datetime="${escapeHtml(article.dateline.date)}">${escapeHtml(dateline)}</time></p>`;
  const tags = article.tags.map((tag) => tag.trim()).filter((tag) => tag !== '');

  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    meta('description', article.seoDescription || article.standfirst),
    meta('author', article.byline.join(', ')),
    meta('keywords', tags.join(', ')),
    meta('article:section', article.section),
    meta('slug', article.slug),
    '<meta name="generator" content="Newsroom">',
    `<style>${STYLE}${options.review === true ? `\n${REVIEW_STYLE}` : ''}</style>`,
  ];
  const header = [
    paragraph('section', article.section),
    `<h1>${escapeHtml(article.headline.trim())}</h1>`,
    paragraph('standfirst', article.standfirst),
    paragraph('byline', bylineText(article.byline)),
    datelineHtml,
    featured,
  ];
  const footer = tags.length === 0 ? '' : `<footer><p class="tags">Tags: ${tags.map(escapeHtml).join(', ')}</p></footer>`;
  let body: string;
  let comments = '';
  if (options.review === true) {
    const blocks = readBody(article.body, 'marked');
    const numbered = numberComments(blocks, article.comments);
    body = renderBlocks(blocks, { ...options, commentNumbers: numbered.numbers })
      .map((block) => block.html)
      .join('\n');
    comments = commentsSectionHtml(numbered);
  } else {
    body = renderBodyHtml(article.body, options);
  }
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    ...head,
    '</head>',
    '<body>',
    '<article>',
    '<header>',
    ...header,
    '</header>',
    body,
    footer,
    '</article>',
    comments,
    '</body>',
    '</html>',
  ];
  return lines.filter((line) => line !== '').join('\n') + '\n';
}
