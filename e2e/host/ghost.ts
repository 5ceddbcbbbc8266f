import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The real Ghost the publish flows talk to: started by `scripts/cms/ghost.sh` (Ghost 5.130.6 from
 * the npm registry, SQLite, 127.0.0.1 only) and read back through its Admin API as a second,
 * independent client (its own token code, not the app's).
 */
const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/cms/ghost.sh', import.meta.url));
export const GHOST_DATA = process.env['GHOST_DATA'] ?? '/tmp/newsroom-ghost';

const EnvSchema = z.object({
  url: z.string(),
  adminApiKey: z.string().regex(/^[0-9a-f]+:[0-9a-f]+$/),
  contentApiKey: z.string().optional(),
  dataDir: z.string(),
});
export type GhostEnv = z.infer<typeof EnvSchema>;

/** Runs ghost.sh; `start` may install Ghost first (about 5 minutes on a fresh machine). */
export async function ghostScript(command: 'start' | 'stop' | 'status'): Promise<void> {
  await run('bash', [SCRIPT, command], { env: { ...process.env, GHOST_DATA }, timeout: 900_000 });
}

export async function isGhostRunning(): Promise<boolean> {
  try {
    await ghostScript('status');
    return true;
  } catch {
    return false;
  }
}

/** env.json as `ghost.sh start` wrote it, with a message saying how to start Ghost when it is missing. */
export async function readGhostEnv(): Promise<GhostEnv> {
  const path = join(GHOST_DATA, 'env.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`The test Ghost is not set up (no ${path}): start it with \`bash scripts/cms/ghost.sh start\` (first run installs it, ~5 min).`);
  }
  const env = EnvSchema.parse(JSON.parse(text));
  const site = await fetch(`${env.url}/ghost/api/admin/site/`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
  if (site?.status !== 200) {
    throw new Error(`The test Ghost at ${env.url} is not running: start it with \`bash scripts/cms/ghost.sh start\`.`);
  }
  return env;
}

const PostSchema = z.object({
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  status: z.string(),
  url: z.string(),
  updated_at: z.string(),
  published_at: z.string().nullable(),
  custom_excerpt: z.string().nullable(),
  html: z.string().nullable(),
  tags: z.array(z.object({ name: z.string(), slug: z.string() })),
});
export type GhostReadPost = z.infer<typeof PostSchema>;

/**
 * An Admin API token minted by the test's own code, not the app's (electron/core/publishing/ghost/ghost-jwt.ts):
 * what the tests read back must not depend on the code under test.
 */
export function adminToken(adminApiKey: string): string {
  const [id = '', secret = ''] = adminApiKey.split(':');
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT', kid: id })}.${part({ iat, exp: iat + 300, aud: '/admin/' })}`;
  return `${unsigned}.${createHmac('sha256', Buffer.from(secret, 'hex')).update(unsigned).digest('base64url')}`;
}

export class GhostReader {
  constructor(private readonly env: GhostEnv) {}

  private token(): string {
    return adminToken(this.env.adminApiKey);
  }

  private async get(path: string, query: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
    const url = new URL(`${this.env.url}/ghost/api/admin${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const response = await fetch(url, { headers: { Authorization: `Ghost ${this.token()}` } });
    return { status: response.status, json: await response.json() };
  }

  /** The post with its HTML and tags, or null when Ghost has no such post (404). */
  async post(id: string): Promise<GhostReadPost | null> {
    const { status, json } = await this.get(`/posts/${id}/`, { formats: 'html', include: 'tags' });
    if (status === 404) return null;
    if (status !== 200) throw new Error(`GET /posts/${id}/ -> ${status}: ${JSON.stringify(json)}`);
    return z.object({ posts: z.array(PostSchema).length(1) }).parse(json).posts[0] ?? null;
  }

  /** Posts whose title matches exactly, in any status. */
  async postsTitled(title: string): Promise<GhostReadPost[]> {
    const filter = `title:'${title.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    const { status, json } = await this.get('/posts/', { filter, formats: 'html', include: 'tags', limit: 'all' });
    if (status !== 200) throw new Error(`GET /posts/?filter=${filter} -> ${status}: ${JSON.stringify(json)}`);
    return z.object({ posts: z.array(PostSchema) }).parse(json).posts.filter((post) => post.title === title);
  }
}
