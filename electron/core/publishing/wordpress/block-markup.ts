import { escapeHtml, type RenderedBlock } from '../../../../shared/editor/render-html';
import type { EmbedProvider } from '../../../../shared/editor/nodes';

/**
 * WordPress stores `content` as given. Block-serialised markup keeps the post editable as blocks
 * in the site's editor; plain HTML would open as one "Classic" block. Formats follow WordPress 6.1
 * core blocks (paragraph, heading, quote, list, pullquote, separator, image, embed).
 */
export interface BlockMarkupOptions {
  /** The media library id of an uploaded asset, so the image block links to its attachment. */
  mediaIdOf?: (asset: string) => number | undefined;
}

export function toBlockMarkup(blocks: readonly RenderedBlock[], options: BlockMarkupOptions = {}): string {
  return blocks.map((block) => blockMarkup(block, options)).join('\n\n');
}

/** WordPress's embed variations: the slug picks the variation, the type its layout. */
const EMBED_VARIATIONS: Record<EmbedProvider, { slug?: string; type: string; className?: string }> = {
  youtube: { slug: 'youtube', type: 'video', className: 'wp-embed-aspect-16-9 wp-has-aspect-ratio' },
  x: { slug: 'twitter', type: 'rich' },
  instagram: { slug: 'instagram', type: 'rich' },
  // Any other address: the generic embed block, which WordPress resolves by oEmbed discovery or
  // shows as a link.
  link: { type: 'rich' },
};

function blockMarkup(block: RenderedBlock, options: BlockMarkupOptions): string {
  switch (block.type) {
    case 'paragraph':
      return wrap('paragraph', block.html);
    case 'heading':
      return wrap('heading', block.html, block.level === 2 ? undefined : { level: block.level });
    case 'quote': {
      const inner = block.html.replace(/^<blockquote>|<\/blockquote>$/g, '');
      return wrap('quote', `<blockquote class="wp-block-quote">${wrap('paragraph', inner)}</blockquote>`);
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => wrap('list-item', item)).join('');
      return wrap('list', `<${tag}>${items}</${tag}>`, block.ordered ? { ordered: true } : undefined);
    }
    case 'pullquote': {
      const cite = block.attribution === '' ? '' : `<cite>${escapeHtml(block.attribution)}</cite>`;
      return wrap('pullquote', `<figure class="wp-block-pullquote"><blockquote><p>${block.quoteHtml}</p>${cite}</blockquote></figure>`);
    }
    case 'separator':
      return wrap('separator', '<hr class="wp-block-separator has-alpha-channel-opacity"/>');
    case 'image': {
      const id = options.mediaIdOf?.(block.asset);
      const imgClass = id === undefined ? '' : ` class="wp-image-${id}"`;
      const caption = [escapeHtml(block.caption), block.credit === '' ? '' : `<span class="credit">${escapeHtml(block.credit)}</span>`]
        .filter((part) => part !== '')
        .join(' ');
      const figcaption = caption === '' ? '' : `<figcaption class="wp-element-caption">${caption}</figcaption>`;
      const img = `<img src="${escapeHtml(block.src)}" alt="${escapeHtml(block.alt)}"${imgClass}/>`;
      return wrap('image', `<figure class="wp-block-image">${img}${figcaption}</figure>`, id === undefined ? undefined : { id });
    }
    case 'embed': {
      const variation = EMBED_VARIATIONS[block.provider];
      const classes = ['wp-block-embed', `is-type-${variation.type}`];
      if (variation.slug) classes.push(`is-provider-${variation.slug}`, `wp-block-embed-${variation.slug}`);
      if (variation.className) classes.push(variation.className);
      const attributes: Record<string, unknown> = { url: block.url, type: variation.type };
      if (variation.slug) attributes['providerNameSlug'] = variation.slug;
      attributes['responsive'] = true;
      if (variation.className) attributes['className'] = variation.className;
      const inner = `<figure class="${classes.join(' ')}"><div class="wp-block-embed__wrapper">\n${escapeHtml(block.url)}\n</div></figure>`;
      return wrap('embed', inner, attributes);
    }
  }
}

/**
 * Attributes are JSON inside an HTML comment: like WordPress's own serialiser, characters that
 * could end the comment or be read as markup are written as \u escapes.
 */
function serializeAttributes(attributes: Record<string, unknown>): string {
  return JSON.stringify(attributes)
    .replace(/--/g, '\\u002d\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\\"/g, '\\u0022');
}

function wrap(name: string, html: string, attributes?: Record<string, unknown>): string {
  const attrs = attributes ? ` ${serializeAttributes(attributes)}` : '';
  return `<!-- wp:${name}${attrs} -->${html}<!-- /wp:${name} -->`;
}
