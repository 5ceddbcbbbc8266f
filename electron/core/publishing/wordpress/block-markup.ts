import type { RenderedBlock } from '../../../../shared/editor/render-html';

/**
 * WordPress stores `content` as given. Block-serialised markup keeps the post editable as blocks
 * in the site's editor; plain HTML would open as one "Classic" block. Formats follow WordPress 6.1.
 */
export function toBlockMarkup(blocks: readonly RenderedBlock[]): string {
  return blocks.map(blockMarkup).join('\n\n');
}

function blockMarkup(block: RenderedBlock): string {
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
  }
}

function wrap(name: string, html: string, attributes?: Record<string, unknown>): string {
  const attrs = attributes ? ` ${JSON.stringify(attributes)}` : '';
  return `<!-- wp:${name}${attrs} -->${html}<!-- /wp:${name} -->`;
}
