import { describe, expect, it } from 'vitest';
import type { RenderedBlock } from '../../../../shared/editor/render-html';
import { toBlockMarkup } from './block-markup';

describe('toBlockMarkup: article blocks', () => {
  it('writes a pull quote with its citation', () => {
    const block: RenderedBlock = { type: 'pullquote', html: '', quoteHtml: 'We will <em>rebuild</em>', attribution: 'Ana <Ruiz>' };
    expect(toBlockMarkup([block])).toBe(
      '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>We will <em>rebuild</em></p><cite>Ana &lt;Ruiz&gt;</cite></blockquote></figure><!-- /wp:pullquote -->',
    );
  });

  it('writes a separator', () => {
    expect(toBlockMarkup([{ type: 'separator', html: '<hr>' }])).toBe(
      '<!-- wp:separator --><hr class="wp-block-separator has-alpha-channel-opacity"/><!-- /wp:separator -->',
    );
  });

  it('writes an image with caption and credit, linked to its media id when known', () => {
    const block: RenderedBlock = {
      type: 'image', html: '', asset: 'a1b2c3d4e5f60718.png', src: 'https://site.test/wp-content/uploads/a.png',
      alt: 'The "square"', caption: 'At dawn', credit: 'AP',
    };
    expect(toBlockMarkup([block], { mediaIdOf: (asset) => (asset === 'a1b2c3d4e5f60718.png' ? 42 : undefined) })).toBe(
      '<!-- wp:image {"id":42} --><figure class="wp-block-image"><img src="https://site.test/wp-content/uploads/a.png" alt="The &quot;square&quot;" class="wp-image-42"/><figcaption class="wp-element-caption">At dawn <span class="credit">AP</span></figcaption></figure><!-- /wp:image -->',
    );
    expect(toBlockMarkup([{ ...block, caption: '', credit: '' }])).toBe(
      '<!-- wp:image --><figure class="wp-block-image"><img src="https://site.test/wp-content/uploads/a.png" alt="The &quot;square&quot;"/></figure><!-- /wp:image -->',
    );
  });

  it('writes embeds with the provider WordPress knows them by', () => {
    const embed = (url: string, provider: 'youtube' | 'x' | 'instagram' | 'link'): RenderedBlock => ({ type: 'embed', html: '', url, provider });
    expect(toBlockMarkup([embed('https://youtu.be/abc', 'youtube')])).toBe(
      '<!-- wp:embed {"url":"https://youtu.be/abc","type":"video","providerNameSlug":"youtube","responsive":true,"className":"wp-embed-aspect-16-9 wp-has-aspect-ratio"} -->' +
        '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\nhttps://youtu.be/abc\n</div></figure><!-- /wp:embed -->',
    );
    expect(toBlockMarkup([embed('https://x.com/a/status/1', 'x')])).toContain('"providerNameSlug":"twitter"');
    expect(toBlockMarkup([embed('https://www.instagram.com/p/x/', 'instagram')])).toContain('"providerNameSlug":"instagram"');
    expect(toBlockMarkup([embed('https://example.com/a', 'link')])).not.toContain('providerNameSlug');
  });

  it('keeps attribute JSON from closing its comment or reading as markup', () => {
    const markup = toBlockMarkup([{ type: 'embed', html: '', url: 'https://example.com/a--><script>&"', provider: 'link' }]);
    const comment = markup.slice(0, markup.indexOf(' -->') + 4);
    expect(comment).toBe(
      '<!-- wp:embed {"url":"https://example.com/a\\u002d\\u002d\\u003e\\u003cscript\\u003e\\u0026\\u0022","type":"rich","responsive":true} -->',
    );
    expect(markup).toContain('https://example.com/a--&gt;&lt;script&gt;&amp;&quot;');
  });
});
