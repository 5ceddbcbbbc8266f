import type { EditorStateJson } from '../model/article';
import { isSafeLinkUrl } from '../url-policy';
import { isBlank, readBody, type BodyBlock, type InlineFormat, type ListBlock, type MarkedInline } from './body-model';
import type { EmbedProvider } from './nodes';

/**
 * Renders a saved body to HTML without a DOM, for publishing and export. Output is built from an
 * allowlist of tags; text and attributes are escaped, links pass the same URL policy as the editor
 * (body-model drops the others), and an image appears only with a URL the caller vouches for.
 */
export type RenderedBlock =
  | { type: 'paragraph'; html: string }
  | { type: 'heading'; level: 2 | 3 | 4; html: string }
  | { type: 'quote'; html: string }
  | { type: 'list'; ordered: boolean; html: string; items: string[] }
  /** `quoteHtml` is the inline HTML of the quote; `attribution` is plain text (escape it). */
  | { type: 'pullquote'; html: string; quoteHtml: string; attribution: string }
  | { type: 'separator'; html: string }
  /** `src` is the caller's URL; alt, caption and credit are plain text (escape them). */
  | { type: 'image'; html: string; asset: string; src: string; alt: string; caption: string; credit: string }
  | { type: 'embed'; html: string; url: string; provider: EmbedProvider };

export interface RenderOptions {
  /**
   * The URL an image is shown from: the uploaded media URL when publishing, a data URI of the
   * draft's own file when exporting. Images without one are left out, as are placeholders.
   */
  imageUrl?: (asset: string) => string | undefined;
  /**
   * Review exports only (blocks read in the `marked` view): the number each comment thread is
   * shown with. Marks of threads not listed are written as plain text.
   */
  commentNumbers?: ReadonlyMap<string, number>;
}

/** "Ana Ruiz, 2026-11-29 02:10 UTC": who and when, for a review mark's tooltip. */
export function stampText(by: { name: string; at: string }): string {
  return `${by.name}, ${by.at.slice(0, 16).replace('T', ' ')} UTC`;
}

const SUGGESTED: Record<'insert' | 'delete' | 'format', [string, string]> = {
  insert: ['ins', 'Suggested insertion'],
  delete: ['del', 'Suggested deletion'],
  format: ['span', 'Suggested formatting'],
};

const INLINE_TAGS: ReadonlyArray<[InlineFormat, string]> = [
  ['code', 'code'],
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strikethrough', 's'],
  ['subscript', 'sub'],
  ['superscript', 'sup'],
];

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Only our own kinds of image data URI (the draft's sniffed files), never data:text/html or SVG. */
const IMAGE_DATA_URI = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

/** An image source a renderer may write: a web address the link policy allows, or an image data URI. */
export function isSafeImageSrc(src: string): boolean {
  if (IMAGE_DATA_URI.test(src)) return true;
  return isSafeLinkUrl(src) && /^https?:/i.test(src.trim());
}

export function renderInlineHtml(content: readonly MarkedInline[], numbers?: ReadonlyMap<string, number>): string {
  return content
    .map((part) => {
      if (part.kind === 'break') return '<br>';
      if (part.kind === 'link') return `<a href="${escapeHtml(part.url)}">${renderInlineHtml(part.children, numbers)}</a>`;
      if (part.kind === 'suggestion') {
        const [tag, what] = SUGGESTED[part.suggestion.kind];
        const format = part.suggestion.format === undefined ? '' : ` (${part.suggestion.format} ${part.suggestion.on === true ? 'on' : 'off'})`;
        const title = escapeHtml(`${what}${format} by ${stampText(part.suggestion.by)}`);
        return `<${tag} class="suggestion suggestion-${part.suggestion.kind}" title="${title}">${renderInlineHtml(part.children, numbers)}</${tag}>`;
      }
      if (part.kind === 'comment') {
        const inner = renderInlineHtml(part.children, numbers);
        const shown = part.ids.map((id) => numbers?.get(id)).filter((n): n is number => n !== undefined);
        if (shown.length === 0) return inner;
        const refs = shown.map((n) => `<sup class="comment-ref"><a href="#comment-${n}">[${n}]</a></sup>`).join('');
        return `<mark class="comment" title="Comment ${shown.join(', ')}">${inner}</mark>${refs}`;
      }
      let html = escapeHtml(part.text);
      for (const [format, tag] of INLINE_TAGS) {
        if (part.formats.includes(format)) html = `<${tag}>${html}</${tag}>`;
      }
      return html;
    })
    .join('');
}

function renderList(list: ListBlock<MarkedInline>, numbers?: ReadonlyMap<string, number>): { html: string; items: string[] } {
  const tag = list.ordered ? 'ol' : 'ul';
  const items = list.items.map(
    (item) => `<li>${renderInlineHtml(item.content, numbers)}${item.lists.map((nested) => renderList(nested, numbers).html).join('')}</li>`,
  );
  return { html: `<${tag}>${items.join('')}</${tag}>`, items };
}

/** The figure of an image: caption, then the credit set apart so a site can style it. */
export function imageFigureHtml(src: string, alt: string, caption: string, credit: string, className = 'article-image'): string {
  const captionParts = [
    caption === '' ? '' : escapeHtml(caption),
    credit === '' ? '' : `<span class="credit">${escapeHtml(credit)}</span>`,
  ].filter((part) => part !== '');
  const figcaption = captionParts.length === 0 ? '' : `<figcaption>${captionParts.join(' ')}</figcaption>`;
  return `<figure class="${className}"><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">${figcaption}</figure>`;
}

function renderBlock(block: BodyBlock<MarkedInline>, options: RenderOptions): RenderedBlock | null {
  const inline = (content: readonly MarkedInline[]) => renderInlineHtml(content, options.commentNumbers);
  switch (block.kind) {
    case 'heading':
      return { type: 'heading', level: block.level, html: `<h${block.level}>${inline(block.content)}</h${block.level}>` };
    case 'quote':
      return { type: 'quote', html: `<blockquote><p>${inline(block.content)}</p></blockquote>` };
    case 'list':
      return { type: 'list', ordered: block.ordered, ...renderList(block, options.commentNumbers) };
    case 'pullquote': {
      if (isBlank(block.content)) return null;
      const quoteHtml = inline(block.content);
      const caption = block.attribution === '' ? '' : `<figcaption>${escapeHtml(block.attribution)}</figcaption>`;
      const html = `<figure class="pull-quote"><blockquote><p>${quoteHtml}</p></blockquote>${caption}</figure>`;
      return { type: 'pullquote', html, quoteHtml, attribution: block.attribution };
    }
    case 'separator':
      return { type: 'separator', html: '<hr>' };
    case 'image': {
      const { asset, alt, caption, credit } = block.image;
      if (asset === null) return null;
      const src = options.imageUrl?.(asset);
      if (src === undefined || !isSafeImageSrc(src)) return null;
      return { type: 'image', html: imageFigureHtml(src, alt, caption, credit), asset, src, alt, caption, credit };
    }
    case 'embed': {
      const url = escapeHtml(block.url);
      const html = `<figure class="embed" data-provider="${block.provider}"><a href="${url}">${url}</a></figure>`;
      return { type: 'embed', html, url: block.url, provider: block.provider };
    }
    case 'paragraph':
      // Empty paragraphs are spacing in the editor, not content on the site.
      if (isBlank(block.content)) return null;
      return { type: 'paragraph', html: `<p>${inline(block.content)}</p>` };
  }
}

export function renderBlocks(blocks: readonly BodyBlock<MarkedInline>[], options: RenderOptions = {}): RenderedBlock[] {
  return blocks.map((block) => renderBlock(block, options)).filter((block): block is RenderedBlock => block !== null);
}

export function renderBodyBlocks(body: EditorStateJson, options: RenderOptions = {}): RenderedBlock[] {
  return renderBlocks(readBody(body), options);
}

export function renderBodyHtml(body: EditorStateJson, options: RenderOptions = {}): string {
  return renderBodyBlocks(body, options)
    .map((block) => block.html)
    .join('\n');
}
