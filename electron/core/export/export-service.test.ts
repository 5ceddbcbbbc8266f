import { readFile } from 'node:fs/promises';
import { createHeadlessEditor } from '@lexical/headless';
import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown';
import Conf from 'conf';
import { $getRoot } from 'lexical';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fullBody, HOSTILE } from '../../../shared/editor/article-fixture';
import { ARTICLE_TRANSFORMERS } from '../../../shared/editor/markdown-transformers';
import { ARTICLE_NODES } from '../../../shared/editor/nodes';
import type { Result } from '../../../shared/ipc/result';
import { newArticle, type Article } from '../../../shared/model/article';
import { tempFolder } from '../drafts/testing';
import { MemorySecrets } from '../memory-secrets';
import { createServices } from '../services';
import type { AppSettings } from '../settings/app-settings';

const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const GIF_1x1 = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const NOTE = 'EDITORIAL-NOTE-7731: legal has not cleared the second source';

let sample = '';
beforeAll(async () => {
  const copy = await readFile(new URL('../../../e2e/fixtures/flash-news-article.txt', import.meta.url), 'utf8');
  sample = copy.split('\n').find((line) => line.startsWith('The General Director')) ?? '';
  expect(sample.length).toBeGreaterThan(100);
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

interface Exported {
  fileName: string;
  mediaType: string;
  encoding: 'utf8' | 'base64';
  data: string;
}

/** A saved draft with every field and every node, through the same router the app uses. */
async function savedStory(edit: (article: Article, assets: { body: string; featured: string }) => Article = (a) => a) {
  const folder = await tempFolder('newsroom-export-');
  cleanups.push(folder.remove);
  const services = await createServices({
    dataFolder: folder.path,
    settings: new Conf<AppSettings>({ cwd: folder.path, configName: 'settings' }),
    secrets: new MemorySecrets(),
    appVersion: 'test',
    emit: () => {},
    flushTimeoutMs: 10,
  });
  cleanups.push(async () => services.flush().catch(() => undefined));
  const call = (method: string, input: unknown = {}) => services.router.handle(method, input);
  const { id } = value<{ id: string }>(await call('drafts.create'));
  const body = value<{ asset: string }>(await call('drafts.attachImage', { draftId: id, fileName: 'square.png', data: PNG_1x1 })).asset;
  const featured = value<{ asset: string }>(await call('drafts.attachImage', { draftId: id, fileName: 'team.gif', data: GIF_1x1 })).asset;
  const article = newArticle({
    headline: 'Rrumbullaku hosts Spanish police officers',
    standfirst: 'The visit focused on cooperation against human trafficking.',
    byline: ['Ana Ruiz', 'Luis Gómez'],
    section: 'World',
    tags: ['police', 'Spain "border"'],
    slug: 'rrumbullaku-hosts-spanish-police',
    slugFollowsHeadline: false,
    dateline: { place: 'Tirana', date: '2026-11-28' },
    seoTitle: 'Albanian and Spanish police meet in Tirana',
    seoDescription: 'Trafficking, border checks\nand training: what the two forces agreed.',
    editorialNote: NOTE,
    featuredImage: { asset: featured, alt: 'The two delegations', caption: 'The meeting in Tirana', credit: 'State Police' },
    targetWords: 400,
    body: fullBody(body, sample),
  });
  value(await call('drafts.save', { id, article: edit(article, { body, featured }) }));
  return { exportAs: async (format: string) => value<Exported>(await call('drafts.export', { id, format })), call, id, assets: { body, featured } };
}

function markdownBodyOf(markdown: string): string {
  const end = markdown.indexOf('\n---\n', 4);
  return markdown.slice(end + '\n---\n'.length).trim();
}

describe('drafts.export', () => {
  it('writes a self-contained, inert HTML document with every story field and no editorial note', async () => {
    const story = await savedStory();
    const file = await story.exportAs('html');
    expect(file).toMatchObject({ fileName: 'rrumbullaku-hosts-spanish-police.html', encoding: 'utf8' });
    expect(file.mediaType).toMatch(/^text\/html/);
    expect(file.data).not.toContain('EDITORIAL-NOTE');

    const { document } = new JSDOM(file.data).window;
    expect(document.querySelector('h1')?.textContent).toBe('Rrumbullaku hosts Spanish police officers');
    expect(document.querySelector('.standfirst')?.textContent).toBe('The visit focused on cooperation against human trafficking.');
    expect(document.querySelector('.byline')?.textContent).toBe('By Ana Ruiz and Luis Gómez');
    expect(document.querySelector('.dateline time')?.getAttribute('datetime')).toBe('2026-11-28');
    expect(document.querySelector('.dateline')?.textContent).toBe('TIRANA, 28 November 2026');
    expect(document.title).toBe('Albanian and Spanish police meet in Tirana');
    expect(document.querySelector('meta[name="article:section"]')?.getAttribute('content')).toBe('World');
    expect(document.querySelector('.tags')?.textContent).toBe('Tags: police, Spain "border"');
    expect(document.querySelector('.featured-image img')?.getAttribute('src')).toBe(`data:image/gif;base64,${GIF_1x1}`);
    expect(document.querySelector('.featured-image figcaption')?.textContent).toBe('The meeting in Tirana State Police');

    // Body: every node, the hostile strings as text only.
    expect(document.querySelector('article')?.textContent).toContain(sample);
    expect(document.querySelector('h2')?.textContent).toBe('Cooperation between the forces');
    expect([...document.querySelectorAll('strong, em, u, s')].map((el) => el.tagName)).toEqual(['STRONG', 'EM', 'U', 'S']);
    expect(document.querySelector('ul ul li')?.textContent).toBe('Nested point');
    expect(document.querySelector('figure.pull-quote figcaption')?.textContent).toBe(HOSTILE.attribution);
    expect(document.querySelector('hr')).not.toBeNull();
    const bodyImage = document.querySelector('figure.article-image img');
    expect(bodyImage?.getAttribute('src')).toBe(`data:image/png;base64,${PNG_1x1}`);
    expect(bodyImage?.getAttribute('alt')).toBe(HOSTILE.alt);
    expect(document.querySelector('figure.article-image figcaption')?.textContent).toBe(`${HOSTILE.caption} Photo: State Police`);
    expect(document.querySelectorAll('figure.article-image')).toHaveLength(1); // the placeholder is not content
    expect(document.querySelector('figure.embed a')?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=abc123');
    expect(document.body.textContent).toContain(HOSTILE.script);
    expect(document.body.textContent).toContain('this trap');

    expect(document.querySelectorAll('script, iframe, object, embed, svg')).toHaveLength(0);
    for (const el of document.querySelectorAll('*')) {
      for (const attribute of el.attributes) {
        expect(attribute.name.startsWith('on'), `${el.tagName} ${attribute.name}`).toBe(false);
        if (attribute.name === 'href') expect(attribute.value).toMatch(/^https?:\/\//);
        if (attribute.name === 'src') expect(attribute.value).toMatch(/^data:image\/(png|gif);base64,/);
      }
    }
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
  });

  it('writes Markdown with YAML-safe front matter, inert text, and a body that reads back to the same tree', async () => {
    const story = await savedStory();
    const file = await story.exportAs('md');
    expect(file.fileName).toBe('rrumbullaku-hosts-spanish-police.md');
    expect(file.data).not.toContain('EDITORIAL-NOTE');
    expect(file.data).not.toContain('javascript:');
    expect(file.data).not.toMatch(/(^|[^\\])<(script|img|b)\b/);

    // Every value is written as a JSON string or list, which YAML reads as the same value.
    const [, front] = file.data.split(/^---$/m);
    const fields: Record<string, unknown> = {};
    let parent = '';
    for (const line of (front ?? '').trim().split('\n')) {
      const match = /^( *)([a-z_]+):(?: (.+))?$/.exec(line);
      expect(match, line).not.toBeNull();
      const [, indent = '', key = '', raw] = match ?? [];
      if (raw === undefined) parent = key;
      else fields[indent === '' ? key : `${parent}.${key}`] = JSON.parse(raw) as unknown;
    }
    expect(fields).toEqual({
      title: 'Rrumbullaku hosts Spanish police officers',
      slug: 'rrumbullaku-hosts-spanish-police',
      standfirst: 'The visit focused on cooperation against human trafficking.',
      byline: ['Ana Ruiz', 'Luis Gómez'],
      section: 'World',
      tags: ['police', 'Spain "border"'],
      'dateline.place': 'Tirana',
      'dateline.date': '2026-11-28',
      'seo.title': 'Albanian and Spanish police meet in Tirana',
      'seo.description': 'Trafficking, border checks\nand training: what the two forces agreed.',
      'featured_image.src': `assets/${story.assets.featured}`,
      'featured_image.alt': 'The two delegations',
      'featured_image.caption': 'The meeting in Tirana',
      'featured_image.credit': 'State Police',
    });

    const markdown = markdownBodyOf(file.data);
    expect(markdown).toContain('~~struck~~');
    expect(markdown).toContain('[the report](https://example.com/report?a=1&b=2)');
    expect(markdown).toContain(`![x" onerror="alert(2)](assets/${story.assets.body} "\\<img src=x onerror=alert(3)>"){credit="Photo: State Police"}`);

    // Import it back, export again: the same Markdown and the same node tree.
    const editor = createHeadlessEditor({ nodes: [...ARTICLE_NODES], onError: (error) => { throw error; } });
    editor.update(() => $convertFromMarkdownString(markdown, ARTICLE_TRANSFORMERS), { discrete: true });
    const tree = editor.getEditorState().toJSON().root.children;
    expect(tree.map((node) => node.type)).toEqual([
      'paragraph', 'heading', 'paragraph', 'heading', 'quote', 'list', 'list', 'pullquote', 'horizontalrule', 'article-image', 'embed', 'paragraph',
    ]);
    expect(tree[7]).toMatchObject({ attribution: HOSTILE.attribution });
    expect(tree[9]).toMatchObject({ alt: HOSTILE.alt, caption: HOSTILE.caption, credit: 'Photo: State Police' });
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toContain(HOSTILE.script);
    const again = editor.getEditorState().read(() => $convertToMarkdownString(ARTICLE_TRANSFORMERS)).replace(/</g, '\\<');
    expect(again).toBe(markdown);
  });

  it('writes plain text with the fields, links spelled out, and no editorial note', async () => {
    const story = await savedStory();
    const file = await story.exportAs('txt');
    expect(file).toMatchObject({ fileName: 'rrumbullaku-hosts-spanish-police.txt', encoding: 'utf8' });
    const lines = file.data.split('\n\n');
    expect(lines.slice(0, 4)).toEqual([
      'WORLD',
      'Rrumbullaku hosts Spanish police officers',
      'The visit focused on cooperation against human trafficking.',
      'By Ana Ruiz and Luis Gómez\nTIRANA, 28 November 2026',
    ]);
    expect(file.data).toContain('the report (https://example.com/report?a=1&b=2) and this trap.');
    expect(file.data).toContain(`“Order and security, and the hand of humanity.”\n— ${HOSTILE.attribution}`);
    expect(file.data).toContain('• Border checks\n   • Nested point\n• Training');
    expect(file.data).toContain('1. First step\n2. Second step');
    expect(file.data).toContain('https://www.youtube.com/watch?v=abc123');
    expect(file.data).not.toContain('javascript:');
    expect(file.data).not.toContain('EDITORIAL-NOTE');
    expect(file.data.trimEnd().endsWith('Tags: police, Spain "border"')).toBe(true);
  });

  it('writes a Word document with the story, its formats, links and both images', async () => {
    const story = await savedStory();
    const file = await story.exportAs('docx');
    expect(file).toMatchObject({ fileName: 'rrumbullaku-hosts-spanish-police.docx', encoding: 'base64' });
    const bytes = Buffer.from(file.data, 'base64');

    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Rrumbullaku hosts Spanish police officers');
    expect(xml).toContain('w:val="Title"');
    expect(xml).toContain('Julian Ávila Polo');
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toHaveLength(2);
    const everything = (await Promise.all(Object.values(zip.files).map((entry) => entry.async('string')))).join('\n');
    expect(everything).not.toContain('EDITORIAL-NOTE');
    expect(everything).not.toContain('javascript:');

    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    expect(html).toContain('<strong>praised</strong>');
    expect(html).toContain('<em>thanked</em>');
    expect(html).toContain('<s>struck</s>');
    expect(html).toContain('<a href="https://example.com/report?a=1&amp;b=2">the report</a>');
    expect(html).toContain('<h2>Cooperation between the forces</h2>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<li>Border checks');
    expect(html).toMatch(/<ol><li>First step<\/li><li>Second step<\/li><\/ol>/);
    expect(html).toContain(`— ${HOSTILE.attribution.replace(/</g, '&lt;').replace(/>/g, '&gt;')}`);
    expect(html.match(/<img /g)).toHaveLength(2);
    const { value: raw } = await mammoth.extractRawText({ buffer: bytes });
    expect(raw).toContain('The visit focused on cooperation against human trafficking.');
    expect(raw).toContain('By Ana Ruiz and Luis Gómez');
    expect(raw).toContain('TIRANA, 28 November 2026');
    expect(raw).toContain('The meeting in Tirana State Police');
    expect(raw).toContain(`${HOSTILE.caption} Photo: State Police`);
  });

  it('names the file "untitled" without slug or headline', async () => {
    const story = await savedStory((article) => ({ ...article, slug: '', headline: '' }));
    expect((await story.exportAs('txt')).fileName).toBe('untitled.txt');
  });

  it('refuses, in plain words, a draft whose body was tampered with', async () => {
    const story = await savedStory((article) => ({
      ...article,
      body: { root: { ...article.body.root, children: [{ type: 'embed', version: 1, url: 'javascript:alert(1)' }] } },
    }));
    for (const format of ['html', 'md', 'txt', 'docx']) {
      const result = await story.call('drafts.export', { id: story.id, format });
      expect(result).toMatchObject({ ok: false, error: { code: 'DRAFT_CORRUPT' } });
    }
  });
});
