import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newArticle } from '../../../../shared/model/article';
import { type FrontMatter, parseIndex, renderIndex } from './front-matter';
import { storyBody, storyMatter } from './story-matter';

const matterWith = (title: string, tag: string, place: string): FrontMatter => ({
  title,
  slug: 'a-slug',
  date: '2026-11-28T10:00:00.000Z',
  draft: false,
  description: title,
  authors: [place],
  categories: [tag],
  tags: [tag, 'yes', 'no', 'on', '2026-11-28', '1e3'],
  dateline: { place, date: '2026-11-28' },
  seo: { title: tag, description: place },
  newsroom: { draft_id: '00000000-0000-4000-8000-00000000000a', idempotency_key: 'k', revision: 1 },
});

// Strings a headline or a pasted caption may hold that end a YAML block or change its meaning.
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('---', '...', 'a: b', '"quoted"', "it's", '# not a comment', '- item', '\n---\n', 'No', 'null', '~', '&anchor', '*alias', '!tag', '{a: 1}', '[x]', '|', '>', '\u2028', '\u0085', '\uFEFF', '@at', '`tick`', '%YAML', '\t'),
);

describe('front matter', () => {
  it('round-trips any text in every field (a headline of ---, quotes, colons, line breaks)', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, fc.string({ maxLength: 80 }), (title, tag, place, markdown) => {
        const matter = matterWith(title, tag, place);
        const parsed = parseIndex(renderIndex(matter, `Body ${markdown}`));
        expect(parsed?.matter).toEqual(matter);
        expect(parsed?.body.trim()).toBe(`Body ${markdown}`.trim());
      }),
      { numRuns: 400 },
    );
  });

  it('quotes every string, so YAML 1.1 readers (Jekyll) do not read No, on or a date as something else', () => {
    const text = renderIndex(matterWith('No', 'on', '2026-11-28'), 'Body');
    expect(text).toContain('title: "No"');
    expect(text).toContain('- "on"');
    expect(text.split('\n').filter((line) => line === '---')).toHaveLength(2);
  });

  it('reads a hand-edited file (CRLF, extra keys, an unquoted date) and refuses one that is not ours', () => {
    const text = renderIndex(matterWith('T', 'x', 'y'), 'Body').replace('date: "2026-11-28T10:00:00.000Z"', 'date: 2026-11-28').replace(/\n/g, '\r\n');
    const parsed = parseIndex(text.replace('---\r\n', '---\r\nweight: 3\r\n'));
    expect(parsed?.matter).toMatchObject({ date: '2026-11-28', weight: 3 });
    expect(parseIndex('# Just Markdown\n')).toBeNull();
    expect(parseIndex('---\ntitle: "x"\n---\nbody')).toBeNull();
    expect(parseIndex('---\ntitle: [unclosed\n---\n')).toBeNull();
  });
});

describe('a whole story through the front matter', () => {
  it('every story field comes back as typed, whatever it holds', () => {
    const line = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('---', 'a: b', '"', "'", '\n---\n', 'No', '#x', '- y', '\u2028'));
    fc.assert(
      fc.property(line, line, fc.array(line, { maxLength: 3 }), line, fc.array(line, { maxLength: 3 }), line, line, (headline, standfirst, byline, section, tags, seoTitle, place) => {
        const article = newArticle({ headline, standfirst, byline, section, tags, seoTitle, dateline: { place, date: '2026-11-28' } });
        const payload = { kind: 'publish' as const, article, revision: 1, timing: { kind: 'now' as const }, overwrite: false };
        const matter = storyMatter(payload, { draftId: 'd', idempotencyKey: 'k', now: '2026-11-28T10:00:00.000Z', previous: undefined });
        const parsed = parseIndex(renderIndex(matter, storyBody(payload, undefined)));
        expect(parsed?.matter).toMatchObject({ title: headline, description: standfirst, authors: byline, tags, seo: { title: seoTitle }, dateline: { place } });
        expect(parsed?.matter.categories).toEqual(section === '' ? [] : [section]);
      }),
      { numRuns: 150 },
    );
  });
});
