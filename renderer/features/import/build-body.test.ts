// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildArticle } from './build-body';
import { articleFromFile } from './read-file';

/** Import conversion in jsdom (DOMPurify's supported DOM); the .docx path runs in e2e/import-export.spec.ts. */

type JsonNode = { type: string; text?: string; tag?: string; listType?: string; format?: number; children?: JsonNode[]; missingSource?: string; url?: string };
const blocks = (article: ReturnType<typeof buildArticle>) => article.body.root.children as unknown as JsonNode[];
const textOf = (node: JsonNode): string => node.text ?? (node.children ?? []).map(textOf).join('');

describe('plain text', () => {
  it('first line is the headline; blank lines separate paragraphs; wrapped lines join', () => {
    const article = buildArticle({ kind: 'text', text: 'Storm closes port\r\n\r\nShips were held\nin the bay overnight.\n\n\nThe port reopens at noon.\n' });
    expect(article.headline).toBe('Storm closes port');
    expect(blocks(article).map((node) => [node.type, textOf(node)])).toEqual([
      ['paragraph', 'Ships were held in the bay overnight.'],
      ['paragraph', 'The port reopens at noon.'],
    ]);
  });
});

describe('Markdown', () => {
  it('"# Title" is the headline; ## headings, lists, bold and safe links become nodes', () => {
    const article = buildArticle({
      kind: 'markdown',
      text: '# Budget passes\n\nThe **vote** was close.\n\n## Reaction\n\n- Unions\n- Business\n\n[Read it](https://example.gov/budget) or [not](javascript:alert(1)).\n',
    });
    expect(article.headline).toBe('Budget passes');
    const nodes = blocks(article);
    expect(nodes.map((node) => node.type)).toEqual(['paragraph', 'heading', 'list', 'paragraph']);
    expect(nodes[1]).toMatchObject({ tag: 'h2' });
    expect(textOf(nodes[2]!)).toBe('UnionsBusiness');
    expect(JSON.stringify(nodes[3])).toContain('https://example.gov/budget');
    expect(JSON.stringify(article.body)).not.toContain('"url":"javascript');
  });
  it('reads our own export\'s front matter: title, standfirst and byline', () => {
    const article = buildArticle({
      kind: 'markdown',
      text: '---\ntitle: "Budget: \\"yes\\""\nslug: "budget"\nstandfirst: "MPs approve it."\nbyline: ["Jane Doe", "Ali Khan"]\ntags: []\n---\n\nThe vote was close.\n',
    });
    expect(article.headline).toBe('Budget: "yes"');
    expect(article.fields).toEqual({ standfirst: 'MPs approve it.', byline: ['Jane Doe', 'Ali Khan'] });
    expect(blocks(article).map(textOf)).toEqual(['The vote was close.']);
  });
  it('without "# ", the first heading is the headline and leaves the body', () => {
    const article = buildArticle({ kind: 'markdown', text: '## Late goal wins it\n\nA header in the 90th minute.' });
    expect(article.headline).toBe('Late goal wins it');
    expect(blocks(article).map(textOf)).toEqual(['A header in the 90th minute.']);
  });
});

describe('HTML (and .docx, which mammoth turns into HTML)', () => {
  it('goes through the clean pipeline: headline from h1, Word lists, image placeholders, no scripts', () => {
    const article = buildArticle({
      kind: 'html',
      html: `<html><head><script>alert(1)</script></head><body><h1>Bridge reopens</h1><p class=MsoNormal>Traffic <b>flows</b> again.<o:p></o:p></p>
        <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>1.</span>First lane</p>
        <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>2.</span>Second lane</p>
        <p><img src="file:///C:/Temp/clip_image002.jpg" alt="The bridge"></p><p><a href="javascript:alert(1)" onclick="x()">tap</a></p></body></html>`,
    });
    expect(article.headline).toBe('Bridge reopens');
    const nodes = blocks(article);
    expect(nodes.map((node) => node.type)).toEqual(['paragraph', 'list', 'article-image', 'paragraph']);
    expect(nodes[1]).toMatchObject({ listType: 'number' });
    expect(nodes[1]!.children!.map(textOf)).toEqual(['First lane', 'Second lane']);
    expect(nodes[2]).toMatchObject({ asset: null, missingSource: 'clip_image002.jpg', alt: 'The bridge' });
    expect(JSON.stringify(article.body)).not.toMatch(/javascript|onclick|alert/);
  });
});

describe('articleFromFile', () => {
  const file = (name: string, content: BlobPart) => new File([content], name);
  it('refuses unsupported and empty files in plain words', async () => {
    await expect(articleFromFile(file('story.pdf', '%PDF-1.7'))).rejects.toThrow('story.pdf cannot be imported. Choose a Word (.docx)');
    await expect(articleFromFile(file('empty.txt', ''))).rejects.toThrow('empty.txt has no text to import.');
  });
  it('refuses binary data named .txt and a damaged .docx', async () => {
    await expect(articleFromFile(file('photo.txt', new Uint8Array([0xff, 0xd8, 0x00, 0x10, 0xfe, 0x00]).buffer))).rejects.toThrow('photo.txt could not be read');
    await expect(articleFromFile(file('broken.docx', 'not a zip file'))).rejects.toThrow('broken.docx could not be read');
  });
  it('reads a .md file', async () => {
    const article = await articleFromFile(file('note.md', '# Hello\n\nWorld'));
    expect(article.headline).toBe('Hello');
  });
});
