import { randomUUID } from 'node:crypto';
import { readWordPressEnv, type WordPressEnv } from '../../../../e2e/host/wordpress';
import { type Article, newArticle } from '../../../../shared/model/article';
import { articleWith } from '../../drafts/testing';
import type { JobAction, OutboxJob } from '../../outbox/job';
import type { PublishPayload } from '../adapter';
import { WordPressAdapter } from './wordpress-adapter';
import { jobOf as fixtureJob, MemoryAssets } from '../adapter-fixture';

/** Test support for the WordPress adapter against the real WordPress; not imported by app code. */

export { MemoryAssets, pngAsset } from '../adapter-fixture';

/** A job of a fresh draft (or the one given) on the test profile. */
export const jobOf = (action: JobAction, payload: unknown, draftId: string = randomUUID()): OutboxJob =>
  fixtureJob(action, payload, { draftId, profileId: 'wp-test' });

/** The test WordPress (scripts/cms/wordpress.sh); a clear reason when it is not running. */
export async function wordpressEnv(): Promise<WordPressEnv> {
  return readWordPressEnv().catch(() => {
    throw new Error('The test WordPress is not running: start it with `npm run cms:wordpress start` (needs root for apt).');
  });
}

export function adapterFor(env: WordPressEnv, assets = new MemoryAssets(), overrides: Partial<{ siteUrl: string; username: string; applicationPassword: string; timeoutMs: number }> = {}): WordPressAdapter {
  const { timeoutMs, ...credentials } = overrides;
  return new WordPressAdapter({
    credentials: { siteUrl: env.url, username: env.username, applicationPassword: env.applicationPassword, ...credentials },
    readAsset: assets.read,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
}

const paragraph = (children: unknown[]) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children });
const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, style: '', mode: 'normal', detail: 0 });

/** A story with every field set; the body has two paragraphs and, when given, an image between them. */
export function fullArticle(headline: string, options: { bodyImage?: string; featured?: string } = {}): Article {
  const children: unknown[] = [paragraph([text('The bridge reopened on Monday after two years of work.')])];
  if (options.bodyImage) {
    children.push({ type: 'article-image', version: 1, asset: options.bodyImage, alt: 'The new deck', caption: 'The deck at dawn', credit: 'City Hall' });
  }
  children.push(paragraph([text('Traffic is expected to return to normal within a week.')]));
  const body = articleWith(headline).body;
  return newArticle({
    headline,
    standfirst: 'The city’s main bridge is open again.',
    byline: ['Ana Ruiz', 'Luis Pérez'],
    section: `Transport ${headline.slice(-6)}`,
    tags: [`Bridges ${headline.slice(-6)}`, 'City'],
    dateline: { place: 'Sevilla', date: '2026-11-28' },
    seoTitle: 'SEO-TITLE-MARKER',
    seoDescription: 'SEO-DESCRIPTION-MARKER',
    editorialNote: 'NOTE-FOR-THE-DESK-ONLY',
    featuredImage: options.featured ? { asset: options.featured, alt: 'The bridge from the river', caption: 'Reopened', credit: 'Ana Ruiz' } : null,
    body: { root: { ...body.root, children } } as Article['body'],
  });
}

export function publishPayload(article: Article, extra: Partial<Omit<PublishPayload, 'kind' | 'article'>> = {}): PublishPayload {
  return { kind: 'publish', article, revision: 1, timing: { kind: 'now' }, overwrite: false, ...extra };
}

/** The site's administrator, acting directly through the REST API (a person editing on the web). */
export class WordPressAdmin {
  constructor(private readonly env: WordPressEnv) {}

  async call(method: 'GET' | 'POST' | 'DELETE', route: string, query: Record<string, string> = {}, body?: unknown): Promise<{ status: number; json: unknown }> {
    const url = new URL(`${this.env.url}/`);
    url.searchParams.set('rest_route', route);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const auth = Buffer.from(`${this.env.username}:${this.env.applicationPassword}`).toString('base64');
    const headers: Record<string, string> = { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json' };
    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: response.status, json: (await response.json()) as unknown };
  }

  async deletePost(id: number | string): Promise<void> {
    await this.call('DELETE', `/wp/v2/posts/${id}`, { force: 'true' });
  }

  /** A user with this role and an application password; `remove` deletes it (its posts go to the admin). */
  async userWithRole(role: 'contributor' | 'author'): Promise<{ username: string; applicationPassword: string; remove: () => Promise<void> }> {
    const username = `newsroom-${role}-${randomUUID().slice(0, 8)}`;
    const user = await this.call('POST', '/wp/v2/users', {}, { username, email: `${username}@example.test`, password: randomUUID(), roles: [role] });
    const { id } = user.json as { id: number };
    const created = await this.call('POST', `/wp/v2/users/${id}/application-passwords`, {}, { name: 'newsroom-test' });
    const { password } = created.json as { password: string };
    return {
      username,
      applicationPassword: password,
      remove: async () => {
        await this.call('DELETE', `/wp/v2/users/${id}`, { force: 'true', reassign: '1' });
      },
    };
  }
}
