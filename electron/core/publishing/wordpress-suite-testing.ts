import { afterAll, beforeAll } from 'vitest';
import { readWordPressEnv, WordPressReader, type WordPressEnv } from '../../../e2e/host/wordpress';
import type { CmsProfileInput } from '../../../shared/model/cms-profiles';
import { cmsRouters, runTag } from './cms-router-testing';
import { WordPressAdmin } from './wordpress/adapter-testing';

/**
 * One test file's use of the real WordPress: its env and clients (set before the tests), a tag
 * unique to this run for headlines, routers with a WordPress profile, and the run's posts
 * deleted afterwards so the shared test site does not fill up (terms and media stay: they are small).
 */
export function wordpressSuite() {
  const run = runTag();
  const clients: { env?: WordPressEnv; reader?: WordPressReader; admin?: WordPressAdmin } = {};
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the WordPress suite is used before its beforeAll ran');
    return value;
  };
  beforeAll(async () => {
    clients.env = await readWordPressEnv();
    clients.reader = new WordPressReader(clients.env);
    clients.admin = new WordPressAdmin(clients.env);
  });
  afterAll(async () => {
    const { admin } = clients;
    if (admin === undefined) return;
    const found = await admin.call('GET', '/wp/v2/posts', { search: run, status: 'publish,draft,future,pending,private', per_page: '100', context: 'edit' });
    for (const post of (found.json ?? []) as Array<{ id: number }>) await admin.deletePost(post.id);
  });
  const suite = {
    run,
    get env(): WordPressEnv {
      return need(clients.env);
    },
    get reader(): WordPressReader {
      return need(clients.reader);
    },
    get admin(): WordPressAdmin {
      return need(clients.admin);
    },
    start: cmsRouters((): CmsProfileInput => {
      const env = need(clients.env);
      return { kind: 'wordpress', name: 'Test WordPress', siteUrl: env.url, username: env.username, secret: env.applicationPassword };
    }),
    titled: (words: string): string => `${words} ${run}`,
  };
  return suite;
}
