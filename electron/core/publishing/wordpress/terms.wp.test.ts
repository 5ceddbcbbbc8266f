import { beforeAll, describe, expect, it } from 'vitest';
import { readWordPressEnv, WordPressReader, type WordPressEnv } from '../../../../e2e/host/wordpress';
import { createTerm, resolveTerms } from './terms';
import { WordPressClient } from './wordpress-client';

/** Tags and categories on the real WordPress on 127.0.0.1. */
let env: WordPressEnv;
let client: WordPressClient;
beforeAll(async () => {
  env = await readWordPressEnv();
  client = new WordPressClient({ siteUrl: env.url, username: env.username, applicationPassword: env.applicationPassword });
});

describe('WordPress terms', () => {
  const run = Date.now();

  it('creates a missing tag once and finds it again, also when its name has an ampersand', async () => {
    const names = [`Crime & Courts ${run}`, `Tirana ${run}`];
    const first = await resolveTerms(client, 'tags', names);
    expect(first).toHaveLength(2);
    expect(await resolveTerms(client, 'tags', [`crime & courts ${run}`, ` Tirana ${run} `, `Tirana ${run}`])).toEqual(first);
    expect(await new WordPressReader(env).termsNamed('tags', `Crime &amp; Courts ${run}`)).toEqual([first[0]]);
  });

  it('takes the existing id from the term_exists refusal when a create meets a name that is there', async () => {
    const [id] = await resolveTerms(client, 'categories', [`Border ${run}`]);
    await expect(createTerm(client, 'categories', `Border ${run}`)).resolves.toBe(id);
  });

  it('resolves no names to no ids', async () => {
    expect(await resolveTerms(client, 'categories', ['', '  '])).toEqual([]);
  });
});
