import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GhostEnv, readGhostEnv } from '../../../e2e/host/ghost';
import { MemorySecrets } from '../memory-secrets';
import { tempFolder } from '../outbox/testing';
import type { AppSettings } from '../settings/app-settings';
import { CmsProfiles } from '../settings/cms-profiles';
import { readAsset } from './adapter-fixture';
import { createAdapter } from './adapters';

/** Against the real Ghost: a Ghost profile saved with its Admin API key connects through createAdapter. */
let env: GhostEnv | undefined;
let notReady: unknown;
let folder: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  try {
    env = await readGhostEnv();
  } catch (error) {
    notReady = error;
  }
  folder = await tempFolder('newsroom-profiles-ghost-');
});
afterAll(() => folder?.remove());

describe('Ghost profile → adapter (real Ghost)', () => {
  it('connects with the stored key; the key is in the secret store, not in settings', async () => {
    if (env === undefined) throw notReady;
    const settings = new Conf<AppSettings>({ cwd: folder.path, configName: 'settings' });
    const secrets = new MemorySecrets();
    const profiles = new CmsProfiles(settings, secrets, { defaultFolder: folder.path });
    const saved = await profiles.save({ kind: 'ghost', name: 'Test Ghost', adminUrl: env.url, secret: env.adminApiKey });
    expect(saved.hasSecret).toBe(true);
    expect(JSON.stringify(settings.store)).not.toContain(env.adminApiKey.split(':')[1]);
    const profile = await profiles.get(saved.id);
    if (profile === undefined) throw new Error('not saved');
    const adapter = createAdapter(profile, await profiles.secretOf(saved.id), { readAsset });
    expect(adapter.kind).toBe('ghost');
    expect(await adapter.testConnection()).toMatchObject({ ok: true, canPublish: true });
  });
});
