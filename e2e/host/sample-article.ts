import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The sample story (real news copy) every flow types: its headline and its paragraphs. */
export interface SampleArticle {
  headline: string;
  paragraphs: string[];
}

export function loadSampleArticle(): SampleArticle {
  const text = readFileSync(fileURLToPath(new URL('../fixtures/flash-news-article.txt', import.meta.url)), 'utf8');
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  // The page scrape: "Flash News", the headline twice, the story, then "Latest news".
  const headline = lines[1] ?? '';
  const paragraphs = lines.slice(3).filter((line) => line !== 'Latest news');
  if (!headline || paragraphs.length < 5) throw new Error('sample article fixture is not in the expected shape');
  return { headline, paragraphs };
}
