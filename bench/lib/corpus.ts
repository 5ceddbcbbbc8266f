import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Article, type EditorStateJson, newArticle } from '../../shared/model/article';
import { countBodyWords } from '../../shared/editor/word-count';

/**
 * Realistic copy for benchmarks: the sample article's paragraphs repeated (with a running number so
 * no two paragraphs are identical), a sub-heading every eight paragraphs, a bold run and a link
 * now and then, until the body reaches the asked word count.
 */
const SAMPLE = readFileSync(fileURLToPath(new URL('../../e2e/fixtures/flash-news-article.txt', import.meta.url)), 'utf8');
const LINES = SAMPLE.split('\n').map((l) => l.trim()).filter((l) => l !== '');
export const SAMPLE_HEADLINE = LINES[1] ?? 'Untitled';
export const SAMPLE_PARAGRAPHS = LINES.slice(3).filter((l) => l !== 'Latest news');

const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' });
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type, version: 1, direction: 'ltr', format: '', indent: 0, children, ...extra,
});

export function bodyOfWords(targetWords: number): EditorStateJson {
  const children: unknown[] = [];
  let words = 0;
  let index = 0;
  while (words < targetWords) {
    if (index % 8 === 7) {
      const heading = `Part ${Math.floor(index / 8) + 1}: cooperation between the police forces`;
      children.push(block('heading', [text(heading)], { tag: 'h2' }));
      words += heading.split(/\s+/).length;
    }
    const sample = SAMPLE_PARAGRAPHS[index % SAMPLE_PARAGRAPHS.length]!;
    const numbered = `${index + 1}. ${sample}`;
    const inline: unknown[] =
      index % 5 === 0
        ? [text(numbered.slice(0, 40)), text(numbered.slice(40, 80), 1), text(numbered.slice(80))]
        : index % 7 === 0
          ? [text(numbered), text(' '), block('link', [text('Read more')], { url: 'https://www.asp.gov.al/', rel: null, target: null, title: null })]
          : [text(numbered)];
    children.push(block('paragraph', inline, { textFormat: 0, textStyle: '' }));
    words += numbered.split(/\s+/).length;
    index += 1;
  }
  return { root: block('root', children) as EditorStateJson['root'] };
}

export function articleOfWords(targetWords: number, headline = SAMPLE_HEADLINE): Article {
  return newArticle({ headline, body: bodyOfWords(targetWords) });
}

export const wordsIn = (article: Article): number => countBodyWords(article.body);
