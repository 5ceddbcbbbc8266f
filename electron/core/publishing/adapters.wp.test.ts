import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WordPressEnv } from '../../../e2e/host/wordpress';
import { MemorySecrets } from '../memory-secrets';
import { tempFolder } from '../outbox/testing';
import { type AppSettings, WORDPRESS_PASSWORD_SECRET } from '../settings/app-settings';
import { CmsProfiles } from '../settings/cms-profiles';
import { readAsset } from './adapter-fixture';
import { createAdapter } from './adapters';
import { wordpressEnv } from './wordpress/adapter-testing';

/**
 * Against the real WordPress: the old single-site settings migrate into a profile whose adapter
 * still logs in (the password really moved), and a profile pointed at another user loses it.
 */
let env: WordPressEnv;
let folder: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  env = await wordpressEnv();
  folder = await tempFolder('newsroom-profiles-wp-');
});
afterAll(() => folder?.remove());

describe('WordPress profile → adapter (real WordPress)', () => {
  it('a migrated WordPress site connects with its moved password; another user without a password is NOT_CONFIGURED', async () => {
    const settings = new Conf<AppSettings>({ cwd: folder.path, configName: 'settings' });
    const secrets = new MemorySecrets();
    settings.set('wordpress', { siteUrl: env.url, username: env.username });
    await secrets.set(WORDPRESS_PASSWORD_SECRET, env.applicationPassword);
    const profiles = new CmsProfiles(settings, secrets, { defaultFolder: folder.path });

    const [profile] = await profiles.list();
    if (profile?.kind !== 'wordpress') throw new Error('not migrated');
    const adapter = createAdapter(profile, await profiles.secretOf(profile.id), { readAsset });
    expect(await adapter.testConnection()).toEqual({ ok: true, account: expect.any(String), canPublish: true });

    const { hasSecret: _h, secretPersisted: _p, ...input } = profile;
    const moved = await profiles.save({ ...input, username: 'someone-else' });
    if (moved.kind !== 'wordpress') throw new Error('kind changed');
    const without = createAdapter(moved, await profiles.secretOf(moved.id), { readAsset });
    expect(await without.testConnection()).toMatchObject({ ok: false, code: 'NOT_CONFIGURED' });
  });
});
