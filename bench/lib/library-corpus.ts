import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeDraft } from '../../electron/core/drafts/draft-file';
import { DraftStore } from '../../electron/core/drafts/draft-store';
import { type Article, newArticle } from '../../shared/model/article';
import type { Draft } from '../../shared/model/draft';
import { SAMPLE_PARAGRAPHS } from './corpus';
import { FIRST, PLACES, PLACE_SWAPS, SECTIONS, type Section, SURNAME_A, SURNAME_B } from './library-words';
import { seededRandom } from '../../electron/core/test-support/seeded-random';

/**
 * 10,000 drafts a desk could have written over two years, on disk in the app's own format.
 * Files are written directly with the store's serializer (fast: no fsync per file) and a sample
 * is read back through the real DraftStore, so the format cannot drift. The folder is cached
 * under the OS temp dir, keyed by CORPUS_VERSION and the count: bump the version when the
 * generator changes.
 */
export const CORPUS_VERSION = 2;

export interface QuerySet {
  rare: string[];
  common: string[];
  /** Accented words typed without their accents ("avila" for "Ávila"). */
  unaccented: string[];
  prefix: string[];
  typo: string[];
}

export interface LibraryCorpus {
  /** The data folder to open a DraftStore on (drafts in `<folder>/drafts`). */
  folder: string;
  count: number;
  words: number;
  bytes: number;
  queries: QuerySet;
}

/** Deterministic, so every run measures the same library. */
const rng = seededRandom;

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
/** Zipf-like: the first items are picked far more often than the last, as words are in news. */
const zipf = <T>(r: Random, list: readonly T[]): T => list[Math.min(list.length - 1, Math.floor(list.length ** r()) - 1)]!;
/** Article lengths are skewed short: most briefs, some features (150 to 3,000 words). */
const articleLength = (r: Random): number => {
  const normal = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return Math.round(Math.min(3_000, Math.max(150, Math.exp(6.1 + 0.7 * normal))));
};

interface Cast {
  people: string[];
  places: string[];
  section: Section;
}

const surname = (r: Random): string => `${zipf(r, SURNAME_A)}${zipf(r, SURNAME_B)}`;
const person = (r: Random): string => `${zipf(r, FIRST)} ${surname(r)}`;

function fill(template: string, r: Random, cast: Cast): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'person':
        return pick(r, cast.people);
      case 'place':
        return pick(r, cast.places);
      case 'n':
        return String(Math.floor(r() ** 2 * 5_000) + 2);
      case 'year':
        return String(2010 + Math.floor(r() * 16));
      default:
        return zipf(r, cast.section.words[slot] ?? [slot]);
    }
  });
}

/** A sample-article sentence with its people, places and numbers swapped for this story's. */
function mutateSample(sentence: string, r: Random, cast: Cast): string {
  return sentence
    .replace(/Madhor Muhamet Rrumbullaku|Rrumbullaku/g, () => pick(r, cast.people))
    .replace(/Julian Ávila Polo/g, () => pick(r, cast.people))
    .replace(/\b(Spain|Spanish|Albanian|Albania)\b/g, (word: string) => PLACE_SWAPS[word]?.[Math.floor(r() * 6)] ?? word)
    .replace(/\b\d+\b/g, () => String(Math.floor(r() * 90) + 2));
}

const SAMPLE_SENTENCES = SAMPLE_PARAGRAPHS.flatMap((p) => p.split(/(?<=\.)\s+/)).filter((s) => s.split(' ').length > 6);

const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' });
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type, version: 1, direction: 'ltr', format: '', indent: 0, children, ...extra,
});

function article(r: Random, targetWords: number): { article: Article; words: number; plain: string } {
  const section = pick(r, SECTIONS);
  const cast: Cast = {
    section,
    people: Array.from({ length: 2 + Math.floor(r() * 3) }, () => person(r)),
    places: Array.from({ length: 1 + Math.floor(r() * 3) }, () => zipf(r, PLACES)),
  };
  const headline = fill(pick(r, section.headlines), r, cast);
  const children: unknown[] = [];
  const plain: string[] = [headline];
  let words = 0;
  let sentences: string[] = [];
  while (words < targetWords) {
    // Crime and world stories lean on the sample article; the rest on their section's phrases.
    const fromSample = section.sampleShare > r();
    const sentence = fromSample ? mutateSample(pick(r, SAMPLE_SENTENCES), r, cast) : fill(pick(r, section.sentences), r, cast);
    sentences.push(sentence);
    words += sentence.split(/\s+/).length;
    if (sentences.length >= 2 + Math.floor(r() * 3) || words >= targetWords) {
      const paragraph = sentences.join(' ');
      plain.push(paragraph);
      const inline = r() < 0.15 ? [text(paragraph.slice(0, 30)), text(paragraph.slice(30, 60), 1), text(paragraph.slice(60))] : [text(paragraph)];
      children.push(block('paragraph', inline, { textFormat: 0, textStyle: '' }));
      sentences = [];
      if (r() < 0.06) {
        const heading = fill(pick(r, section.headlines), r, cast);
        plain.push(heading);
        children.push(block('heading', [text(heading)], { tag: 'h2' }));
      }
    }
  }
  return { article: newArticle({ headline, body: { root: block('root', children) as Article['body']['root'] } }), words, plain: plain.join('\n') };
}

const TWO_YEARS_MS = 2 * 365 * 24 * 3_600_000;
const NEWEST = Date.parse('2025-11-01T18:00:00.000Z');

function draftOf(r: Random, index: number): { draft: Draft; words: number; plain: string } {
  const { article: body, words, plain } = article(r, articleLength(r));
  const created = NEWEST - Math.floor(r() * TWO_YEARS_MS);
  const updated = created + Math.floor(r() ** 3 * 72 * 3_600_000);
  const revision = Math.floor(r() * 40);
  const id = randomUUID();
  const published = r() < 0.35;
  const publication: Draft['publication'] = published
    ? { wordpress: { siteUrl: 'https://news.example', postId: index + 1, url: `https://news.example/?p=${index + 1}`, publishedAt: new Date(updated).toISOString(), revision } }
    : {};
  const draft: Draft = { id, createdAt: new Date(created).toISOString(), updatedAt: new Date(updated).toISOString(), revision, article: body, publication, review: { status: 'draft', trail: [] } };
  return { draft, words, plain };
}

/** Queries every class can answer in this corpus: `rare` ones are names the generator made 1–5 times. */
function queriesFor(seen: Map<string, number>): QuerySet {
  const rare = [...seen].filter(([, n]) => n >= 1 && n <= 5).map(([name]) => name).sort();
  const step = Math.max(1, Math.floor(rare.length / 10));
  return {
    rare: rare.filter((_, i) => i % step === 0).slice(0, 10),
    common: ['police', 'government', 'minister', 'council', 'cooperation', 'market', 'said', 'hospital', 'festival', 'border'],
    unaccented: ['avila', 'malaga', 'zurich', 'krakow', 'bogota', 'cordoba', 'gdansk', 'nunez', 'jose', 'sao'],
    prefix: ['traff', 'coop', 'immigr', 'parliam', 'minist', 'hospit', 'champion', 'investig', 'festiv', 'repatr'],
    typo: ['polise', 'goverment', 'minster', 'hospitl', 'cooperaton', 'parlament', 'festivel', 'marcet', 'bordr', 'councel'],
  };
}

export async function libraryCorpus(count: number): Promise<LibraryCorpus> {
  const root = join(tmpdir(), 'newsroom-bench-library', `v${CORPUS_VERSION}-${count}`);
  const metaFile = join(root, 'corpus.json');
  if (existsSync(metaFile)) return JSON.parse(readFileSync(metaFile, 'utf8')) as LibraryCorpus;
  rmSync(root, { recursive: true, force: true }); // a run cut short leaves a partial folder
  const folder = join(root, 'data');
  mkdirSync(join(folder, 'drafts'), { recursive: true });
  const r = rng(20_251_101 + count);
  const seen = new Map<string, number>();
  let words = 0;
  let bytes = 0;
  const sample: Array<{ id: string; headline: string }> = [];
  for (let i = 0; i < count; i += 1) {
    const { draft, words: n, plain } = draftOf(r, i);
    const dir = join(folder, 'drafts', draft.id);
    mkdirSync(dir);
    const file = serializeDraft(draft);
    writeFileSync(join(dir, 'draft.json'), file);
    words += n;
    bytes += Buffer.byteLength(file);
    // Document frequency of every capitalised word: the rare queries are names in 1–5 drafts.
    for (const name of new Set(plain.match(/\p{Lu}\p{L}{3,}/gu))) seen.set(name, (seen.get(name) ?? 0) + 1);
    if (i % Math.ceil(count / 25) === 0) sample.push({ id: draft.id, headline: draft.article.headline });
  }
  // The same files through the real store: a format the app would refuse fails the bench here.
  const store = await DraftStore.open({ folder });
  for (const expected of sample) {
    const read = await store.read(expected.id);
    if (read.article.headline !== expected.headline) throw new Error(`corpus: draft ${expected.id} did not read back`);
  }
  const corpus: LibraryCorpus = { folder, count, words, bytes, queries: queriesFor(seen) };
  writeFileSync(metaFile, JSON.stringify(corpus, null, 2)); // written last: its presence means complete
  return corpus;
}
