import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { body, element, paragraph, text } from '../../../shared/editor/article-fixture';
import { newArticle, type Article } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import type { CommentThread, SuggestionAttrs } from '../../../shared/model/review';
import { ExportService } from './export-service';

/**
 * Exports with and without `review` (issue 7): comments and pending suggestions appear only when
 * asked, in each format's own way, and never otherwise.
 */

const ana = { name: 'Ana Ruiz', initials: 'AR', at: '2026-11-29T02:10:00.000Z' };
const ben = { name: 'Ben Ode', initials: 'BO', at: '2026-11-29T02:20:00.000Z' };
const ID = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';

const suggestion = (attrs: Omit<SuggestionAttrs, 'by'>, ...children: unknown[]) =>
  element('suggestion', children, { suggestion: { ...attrs, by: ben } });
const mark = (ids: string[], ...children: unknown[]) => element('mark', children, { ids });

const threads: CommentThread[] = [
  {
    id: 'later',
    quote: 'overnight',
    comments: [{ id: 'c3', by: ben, text: 'Time? <script>' }],
    resolved: ana,
  },
  {
    id: 'first',
    quote: 'The river',
    comments: [
      { id: 'c1', by: ana, text: 'Which river?' },
      { id: 'c2', by: ben, text: 'The Drin.' },
    ],
    resolved: null,
  },
  { id: 'gone', quote: 'a deleted line', comments: [{ id: 'c4', by: ana, text: 'Check this' }], resolved: null },
];

const reviewed: Article = newArticle({
  headline: 'Flood in Shkodër',
  slug: 'flood',
  body: body(
    paragraph(
      mark(['first'], text('The river')),
      text(' '),
      suggestion({ id: 's1', kind: 'insert' }, text('Drin ')),
      text('rose '),
      suggestion({ id: 's2', kind: 'delete' }, text('sharply ')),
      mark(['later'], text('overnight')),
      text('.'),
    ),
  ),
  comments: threads,
});

async function exportAs(format: 'html' | 'md' | 'txt' | 'docx', review: boolean) {
  const exporter = new ExportService({
    drafts: { read: async () => ({ article: reviewed }) as Draft },
    assets: { read: async () => Promise.reject(new Error('no images here')) },
  });
  return exporter.export(ID, format, review);
}

const COMMENT_TEXTS = ['Which river?', 'The Drin.', 'Time?', 'Check this'];

describe('export with review marks', () => {
  it('.html: without review, the text as it stands and no comment at all', async () => {
    const { data } = await exportAs('html', false);
    const { document } = new JSDOM(data).window;
    expect(document.querySelector('article p')?.textContent).toBe('The river rose sharply overnight.');
    expect(data).not.toMatch(/<mark|<ins|<del|Comments/);
    for (const comment of COMMENT_TEXTS) expect(data).not.toContain(comment);
  });

  it('.html: with review, ins/del with their author, numbered marks in document order and a Comments section', async () => {
    const { data } = await exportAs('html', true);
    const { document } = new JSDOM(data).window;
    expect(document.querySelector('ins')?.textContent).toBe('Drin ');
    expect(document.querySelector('ins')?.getAttribute('title')).toContain('Ben Ode');
    expect(document.querySelector('del')?.textContent).toBe('sharply ');
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['The river', 'overnight']);
    expect([...document.querySelectorAll('.comment-ref')].map((ref) => ref.textContent)).toEqual(['[1]', '[2]']);

    const items = [...document.querySelectorAll('section.comments li')];
    expect(items.map((item) => item.querySelector('blockquote')?.textContent)).toEqual(['The river', 'overnight', 'a deleted line']);
    expect(items[0]?.textContent).toContain('Which river?');
    expect(items[0]?.textContent).toContain('The Drin.');
    expect(items[1]?.textContent).toContain('Resolved by Ana Ruiz');
    expect(items[2]?.textContent).toContain('The commented text was deleted.');
    // Comment text is text, never markup.
    expect(document.querySelector('script')).toBeNull();
    expect(items[1]?.textContent).toContain('Time? <script>');
  });

  it('.md: without review, no marks; with review, CriticMarkup and a Comments section', async () => {
    const plain = (await exportAs('md', false)).data;
    expect(plain).toContain('The river rose sharply overnight.');
    expect(plain).not.toMatch(/\{\+\+|\{--|\{==|Comments|Which river/);

    const marked = (await exportAs('md', true)).data;
    expect(marked).toContain('{==The river==}{>>[1]<<} {++Drin ++}rose {--sharply --}{==overnight==}{>>[2]<<}.');
    expect(marked).toContain('## Comments');
    expect(marked).toContain('[1] “The river”');
    expect(marked).toContain('Ana Ruiz, 2026-11-29 02:10 UTC: Which river?');
    expect(marked).toContain('Time? \\<script\\>');
    expect(marked).toContain('(The commented text was deleted.)');
  });

  it('.txt: without review, no marks; with review, [+ +] [- -], numbers and a COMMENTS section', async () => {
    const plain = (await exportAs('txt', false)).data;
    expect(plain).toContain('The river rose sharply overnight.');
    expect(plain).not.toMatch(/\[\+|\[-|COMMENTS|Which river/);

    const marked = (await exportAs('txt', true)).data;
    expect(marked).toContain('The river[1] [+Drin +]rose [-sharply -]overnight[2].');
    expect(marked).toContain('COMMENTS');
    expect(marked).toContain('    Ben Ode, 2026-11-29 02:20 UTC: The Drin.');
    expect(marked).toContain('    Resolved by Ana Ruiz, 2026-11-29 02:10 UTC');
  });

  it('.docx: without review, plain runs; with review, Word comments with replies and tracked changes', async () => {
    const plain = await exportAs('docx', false);
    const plainZip = await JSZip.loadAsync(Buffer.from(plain.data, 'base64'));
    const plainXml = (await plainZip.file('word/document.xml')?.async('string')) ?? '';
    expect(plainXml).not.toMatch(/<w:ins |<w:del |commentRangeStart/);
    const plainComments = (await plainZip.file('word/comments.xml')?.async('string')) ?? '';
    for (const comment of COMMENT_TEXTS) expect(plainComments).not.toContain(comment);
    const text = await mammoth.extractRawText({ buffer: Buffer.from(plain.data, 'base64') });
    expect(text.value).toContain('The river rose sharply overnight.');

    const marked = await exportAs('docx', true);
    const zip = await JSZip.loadAsync(Buffer.from(marked.data, 'base64'));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<w:ins [^>]*w:author="Ben Ode"[^>]*>.*?Drin .*?<\/w:ins>/);
    expect(xml).toMatch(/<w:del [^>]*w:author="Ben Ode"[^>]*>.*?<w:delText[^>]*>sharply <\/w:delText>.*?<\/w:del>/);
    // Four comments in Word: the river thread (with its reply), overnight, and the deleted passage.
    expect(xml.match(/<w:commentRangeStart /g)).toHaveLength(4);
    expect(xml.match(/<w:commentReference /g)).toHaveLength(4);
    const comments = (await zip.file('word/comments.xml')?.async('string')) ?? '';
    expect(comments).toContain('w:author="Ana Ruiz"');
    expect(comments).toContain('w:initials="BO"');
    for (const comment of ['Which river?', 'The Drin.', 'Time? &lt;script&gt;', 'On deleted text “a deleted line”: Check this']) {
      expect(comments).toContain(comment);
    }
  });
});

describe('publishing never carries review marks', () => {
  it('the body as published (HTML and Markdown) has the text as it stands, no mark and no comment', async () => {
    const { renderBodyHtml } = await import('../../../shared/editor/render-html');
    const { renderBodyMarkdown } = await import('../../../shared/editor/render-markdown');
    const html = renderBodyHtml(reviewed.body);
    expect(html).toBe('<p>The river rose sharply overnight.</p>');
    const markdown = renderBodyMarkdown(reviewed.body);
    expect(markdown).toBe('The river rose sharply overnight.');
  });
});
