import { describe, expect, it } from 'vitest';
import type { EditorStateJson } from '../model/article';
import { renderBodyBlocks, renderBodyHtml } from './render-html';

const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' });
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type, version: 1, direction: null, format: '', indent: 0, children, ...extra,
});
const paragraph = (...children: unknown[]) => element('paragraph', children, { textFormat: 0, textStyle: '' });
const body = (...children: unknown[]): EditorStateJson => ({ root: element('root', children) as EditorStateJson['root'] });

describe('renderBodyHtml', () => {
  it('renders paragraphs, headings, formats, links, lists and quotes', () => {
    const html = renderBodyHtml(
      body(
        paragraph(text('Julian Ávila Polo '), text('met', 1), text(' the '), text('chief', 2)),
        element('heading', [text('Cooperation')], { tag: 'h2' }),
        element('heading', [text('Details')], { tag: 'h3' }),
        paragraph(element('link', [text('source')], { url: 'https://example.com/a?b=1&c=2', rel: null, target: null, title: null })),
        element('list', [element('listitem', [text('one')], { value: 1 }), element('listitem', [text('two')], { value: 2 })], { listType: 'bullet', start: 1, tag: 'ul' }),
        element('list', [element('listitem', [text('first')], { value: 1 })], { listType: 'number', start: 1, tag: 'ol' }),
        element('quote', [text('We will work together.')]),
      ),
    );
    expect(html).toBe(
      [
        '<p>Julian Ávila Polo <strong>met</strong> the <em>chief</em></p>',
        '<h2>Cooperation</h2>',
        '<h3>Details</h3>',
        '<p><a href="https://example.com/a?b=1&amp;c=2">source</a></p>',
        '<ul><li>one</li><li>two</li></ul>',
        '<ol><li>first</li></ol>',
        '<blockquote><p>We will work together.</p></blockquote>',
      ].join('\n'),
    );
  });

  it('escapes text so typed markup stays text', () => {
    expect(renderBodyHtml(body(paragraph(text('<script>alert("x")</script> & co'))))).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</p>',
    );
  });

  it('drops unsafe link targets but keeps their text', () => {
    const html = renderBodyHtml(
      body(paragraph(element('link', [text('click')], { url: 'javascript:alert(1)', rel: null, target: null, title: null }))),
    );
    expect(html).toBe('<p>click</p>');
  });

  it('skips empty paragraphs and demotes a stray H1 to H2', () => {
    const blocks = renderBodyBlocks(body(paragraph(), element('heading', [text('Top')], { tag: 'h1' })));
    expect(blocks).toEqual([{ type: 'heading', level: 2, html: '<h2>Top</h2>' }]);
  });

  it('rejects a body containing an unknown node type', () => {
    expect(() => renderBodyHtml(body(element('script-node', [])))).toThrow();
  });
});

describe('renderBodyBlocks: article blocks', () => {
  const ASSET = 'a1b2c3d4e5f60718.png';
  const image = (asset: string | null, extra: Record<string, unknown> = {}) => ({
    type: 'article-image', version: 1, asset, alt: 'The square', caption: 'At dawn', credit: 'AP', ...extra,
  });

  it('renders underline and strikethrough', () => {
    expect(renderBodyHtml(body(paragraph(text('u', 8), text('s', 4), text('both', 12))))).toBe('<p><u>u</u><s>s</s><s><u>both</u></s></p>');
  });

  it('renders a pull quote, a rule, an image with a caller URL and an embed card', () => {
    const blocks = renderBodyBlocks(
      body(
        element('pullquote', [text('We will '), text('rebuild', 2)], { attribution: 'Ana <Ruiz>' }),
        { type: 'horizontalrule', version: 1 },
        image(ASSET),
        { type: 'embed', version: 1, url: 'https://youtu.be/abc?t=1&x=2' },
      ),
      { imageUrl: (asset) => `https://cdn.example.com/${asset}` },
    );
    expect(blocks).toEqual([
      {
        type: 'pullquote',
        html: '<figure class="pull-quote"><blockquote><p>We will <em>rebuild</em></p></blockquote><figcaption>Ana &lt;Ruiz&gt;</figcaption></figure>',
        quoteHtml: 'We will <em>rebuild</em>',
        attribution: 'Ana <Ruiz>',
      },
      { type: 'separator', html: '<hr>' },
      {
        type: 'image',
        html: `<figure class="article-image"><img src="https://cdn.example.com/${ASSET}" alt="The square"><figcaption>At dawn <span class="credit">AP</span></figcaption></figure>`,
        asset: ASSET,
        src: `https://cdn.example.com/${ASSET}`,
        alt: 'The square',
        caption: 'At dawn',
        credit: 'AP',
      },
      {
        type: 'embed',
        html: '<figure class="embed" data-provider="youtube"><a href="https://youtu.be/abc?t=1&amp;x=2">https://youtu.be/abc?t=1&amp;x=2</a></figure>',
        url: 'https://youtu.be/abc?t=1&x=2',
        provider: 'youtube',
      },
    ]);
  });

  it('leaves out images without a URL, placeholders, unsafe sources and empty pull quotes', () => {
    const doc = body(
      image(ASSET),
      image(null, { missingSource: 'IMG_1.jpg' }),
      image('b1b2c3d4e5f60718.png'),
      image('c1b2c3d4e5f60718.png'),
      image('d1b2c3d4e5f60718.png'),
      element('pullquote', [], { attribution: 'Nobody' }),
    );
    const urls: Record<string, string> = {
      'b1b2c3d4e5f60718.png': 'javascript:alert(1)',
      'c1b2c3d4e5f60718.png': 'data:text/html;base64,PHNjcmlwdD4=',
      'd1b2c3d4e5f60718.png': 'data:image/png;base64,iVBORw0KGgo=',
    };
    expect(renderBodyBlocks(doc)).toEqual([]);
    const blocks = renderBodyBlocks(doc, { imageUrl: (asset) => urls[asset] });
    expect(blocks.map((block) => (block.type === 'image' ? block.src : block.type))).toEqual(['data:image/png;base64,iVBORw0KGgo=']);
  });

  it('escapes hostile image text into attributes and captions', () => {
    const html = renderBodyHtml(body(image(ASSET, { alt: 'x" onerror="alert(1)', caption: '<img src=x onerror=alert(2)>', credit: '' })), {
      imageUrl: () => 'https://cdn.example.com/a.png',
    });
    expect(html).toBe(
      '<figure class="article-image"><img src="https://cdn.example.com/a.png" alt="x&quot; onerror=&quot;alert(1)"><figcaption>&lt;img src=x onerror=alert(2)&gt;</figcaption></figure>',
    );
  });

  it('refuses a tampered embed instead of rendering it', () => {
    expect(() => renderBodyHtml(body({ type: 'embed', version: 1, url: 'javascript:alert(1)' }))).toThrow(/embed/);
  });

  it('keeps a nested list inside the item it belongs to', () => {
    const item = (value: number, ...children: unknown[]) => element('listitem', children, { value });
    const list = (...items: unknown[]) => element('list', items, { listType: 'bullet', start: 1, tag: 'ul' });
    expect(renderBodyHtml(body(list(item(1, text('one')), item(2, list(item(1, text('inner')))), item(3, text('two')))))).toBe(
      '<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul>',
    );
  });
});
