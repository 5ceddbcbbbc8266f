import type { EditorStateJson } from '../model/article';
import { elementNode, textNode } from './body-json';

/**
 * Test data only: serialised nodes as a saved draft holds them, and a body with every kind of
 * block and some hostile content smuggled into the JSON (as a tampered file could hold it).
 */
export const text = textNode;
export const element = elementNode;
export const paragraph = (...children: unknown[]) => element('paragraph', children, { textFormat: 0, textStyle: '' });
export const link = (url: string, ...children: unknown[]) => element('link', children, { url, rel: null, target: null, title: null });
export const listItem = (value: number, ...children: unknown[]) => element('listitem', children, { value });
export const list = (listType: 'bullet' | 'number', ...items: unknown[]) =>
  element('list', items, { listType, start: 1, tag: listType === 'bullet' ? 'ul' : 'ol' });
export const body = (...children: unknown[]): EditorStateJson => ({ root: element('root', children) as EditorStateJson['root'] });

/** Lexical's text format bits. */
export const BOLD = 1;
export const ITALIC = 2;
export const STRIKETHROUGH = 4;
export const UNDERLINE = 8;

export const HOSTILE = {
  script: '<script>alert("body")</script>',
  linkUrl: 'javascript:alert(1)',
  alt: 'x" onerror="alert(2)',
  caption: '<img src=x onerror=alert(3)>',
  attribution: '<b onmouseover=alert(4)>Ana Ruiz</b>, mayor',
};

/** A body with every node an article may hold; `asset` is an image attached to the draft. */
export function fullBody(asset: string, sampleParagraph: string): EditorStateJson {
  return body(
    paragraph(text(sampleParagraph)),
    element('heading', [text('Cooperation between the forces')], { tag: 'h2' }),
    paragraph(
      text('Officers were '),
      text('praised', BOLD),
      text(', '),
      text('thanked', ITALIC),
      text(', '),
      text('underlined', UNDERLINE),
      text(' and '),
      text('struck', STRIKETHROUGH),
      text(' — see '),
      link('https://example.com/report?a=1&b=2', text('the report')),
      text(' and '),
      link(HOSTILE.linkUrl, text('this trap')),
      text('. '),
      text(HOSTILE.script),
    ),
    element('heading', [text('Details')], { tag: 'h3' }),
    element('quote', [text('We will work together.')]),
    list('bullet', listItem(1, text('Border checks')), listItem(2, list('bullet', listItem(1, text('Nested point')))), listItem(3, text('Training'))),
    list('number', listItem(1, text('First step')), listItem(2, text('Second step'))),
    element('pullquote', [text('Order and security, and the hand of humanity.')], { attribution: HOSTILE.attribution }),
    { type: 'horizontalrule', version: 1 },
    { type: 'article-image', version: 1, asset, alt: HOSTILE.alt, caption: HOSTILE.caption, credit: 'Photo: State Police' },
    { type: 'article-image', version: 1, asset: null, alt: '', caption: '', credit: '', missingSource: 'IMG_2041.jpg' },
    { type: 'embed', version: 1, url: 'https://www.youtube.com/watch?v=abc123' },
    paragraph(text('The director also invited Spanish tourists to visit Albania.')),
  );
}
