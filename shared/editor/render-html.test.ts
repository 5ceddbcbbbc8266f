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
