import { readFile } from 'node:fs/promises';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CmsProfileViewSchema } from '../../../shared/model/cms-profiles';
import { MemorySecrets } from '../memory-secrets';
import { tempFolder } from '../outbox/testing';
import type { Logger } from '../ports';
import { type AppSettings, WORDPRESS_PASSWORD_SECRET } from './app-settings';
import { CmsProfiles, profileSecretName } from './cms-profiles';

const PASSWORD = 'abcd EFGH ijkl MNOP qrst UVWX';
const GHOST_KEY = `${'1'.repeat(24)}:${'ab'.repeat(32)}`;

let folder: { path: string; remove: () => Promise<void> };
let settings: Conf<AppSettings>;
let secrets: MemorySecrets;
let warnings: string[];

const logger: Logger = { info() {}, warn: (message) => warnings.push(message), error() {} };
const open = () => new CmsProfiles(settings, secrets, { defaultFolder: '/home/desk/Published', logger });
const settingsFile = () => readFile(settings.path, 'utf8');

beforeEach(async () => {
  folder = await tempFolder('newsroom-profiles-');
  settings = new Conf<AppSettings>({ cwd: folder.path, configName: 'settings' });
  secrets = new MemorySecrets();
  warnings = [];
});
afterEach(() => folder.remove());

describe('CMS profiles: first use', () => {
  it('a fresh install has one profile, "Local folder" at the default folder, and it is the default', async () => {
    const profiles = open();
    const list = await profiles.list();
    expect(list).toEqual([
      { kind: 'folder', id: expect.any(String), name: 'Local folder', folder: '/home/desk/Published', hasSecret: false, secretPersisted: false },
    ]);
    expect(await profiles.defaultProfileId()).toBe(list[0]?.id);
    // Stored, so the next start sees the same profile, not a new one.
    expect(await open().list()).toEqual(list);
  });

  it('moves the old WordPress site into a profile with its password, and removes the old entries', async () => {
    settings.set('wordpress', { siteUrl: 'https://news.example.org', username: 'ana' });
    await secrets.set(WORDPRESS_PASSWORD_SECRET, PASSWORD);
    const profiles = open();
    const [only, ...rest] = await profiles.list();
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ kind: 'wordpress', name: 'WordPress (news.example.org)', siteUrl: 'https://news.example.org', username: 'ana', hasSecret: true });
    if (!only) throw new Error('no profile');
    expect(await profiles.defaultProfileId()).toBe(only.id);
    expect(await profiles.secretOf(only.id)).toBe(PASSWORD);
    expect(settings.has('wordpress')).toBe(false);
    expect(await secrets.get(WORDPRESS_PASSWORD_SECRET)).toBeUndefined();
    expect(await secrets.get(profileSecretName(only.id))).toBe(PASSWORD);
  });

  it('a migration repeated after a crash (old entry still there) does not make a second profile', async () => {
    settings.set('wordpress', { siteUrl: 'https://news.example.org', username: 'ana' });
    await secrets.set(WORDPRESS_PASSWORD_SECRET, PASSWORD);
    const [first] = await open().list();
    settings.set('wordpress', { siteUrl: 'https://news.example.org', username: 'ana' });
    const again = await open().list();
    expect(again.map((profile) => profile.id)).toEqual([first?.id]);
    expect(again[0]?.hasSecret).toBe(true);
  });

  it('keeps damaged stored profiles aside, warns, and starts as a fresh install', async () => {
    const damaged = { profiles: [{ kind: 'wordpress', id: 'not-a-uuid', name: '' }], defaultProfileId: 'x' };
    settings.set('cmsProfiles', damaged);
    const list = await open().list();
    expect(list.map((profile) => profile.kind)).toEqual(['folder']);
    expect(settings.get('cmsProfilesDamaged')).toEqual([{ keptAt: expect.any(String), value: damaged }]);
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(await settingsFile()).cmsProfilesDamaged[0].value).toEqual(damaged);
  });
});

describe('CMS profiles: secrets', () => {
  it('a secret never appears in list() nor in the settings file on disk', async () => {
    const profiles = open();
    const wp = await profiles.save({ kind: 'wordpress', name: 'Daily', siteUrl: 'https://daily.example.org/', username: 'ana', secret: PASSWORD });
    const ghost = await profiles.save({ kind: 'ghost', name: 'Blog', adminUrl: 'https://blog.example.org', secret: GHOST_KEY });
    const http = await profiles.save({ kind: 'http', name: 'In-house', endpointUrl: 'https://cms.example.org/newsroom', authKind: 'hmac', secret: 'hmac-signing-secret-42' });
    expect(wp).toMatchObject({ siteUrl: 'https://daily.example.org', hasSecret: true, secretPersisted: false });
    const list = await profiles.list();
    for (const view of list) CmsProfileViewSchema.parse(view);
    const listed = JSON.stringify(list);
    const onDisk = await settingsFile();
    for (const secret of [PASSWORD, GHOST_KEY, 'hmac-signing-secret-42', 'EFGH', 'ab'.repeat(32)]) {
      expect(listed).not.toContain(secret);
      expect(onDisk).not.toContain(secret);
    }
    expect(JSON.parse(onDisk).cmsProfiles.profiles).toHaveLength(4);
    expect(await profiles.secretOf(wp.id)).toBe(PASSWORD.trim());
    expect(await profiles.secretOf(ghost.id)).toBe(GHOST_KEY);
    expect(await profiles.secretOf(http.id)).toBe('hmac-signing-secret-42');
  });

  it('changing the address or the account without a new secret drops the stored one; the name alone keeps it', async () => {
    const profiles = open();
    const wp = await profiles.save({ kind: 'wordpress', name: 'Daily', siteUrl: 'https://daily.example.org', username: 'ana', secret: PASSWORD });
    const renamed = await profiles.save({ ...withoutView(wp), name: 'Daily (main)' });
    expect(renamed.hasSecret).toBe(true);
    const moved = await profiles.save({ ...withoutView(renamed), siteUrl: 'https://elsewhere.example.org' });
    expect(moved.hasSecret).toBe(false);
    expect(await profiles.secretOf(wp.id)).toBeUndefined();

    const withSecret = await profiles.save({ ...withoutView(moved), secret: PASSWORD });
    const otherUser = await profiles.save({ ...withoutView(withSecret), username: 'luis' });
    expect(otherUser.hasSecret).toBe(false);

    const http = await profiles.save({ kind: 'http', name: 'In-house', endpointUrl: 'https://cms.example.org/in', authKind: 'bearer', secret: 'token-1' });
    const hmac = await profiles.save({ ...withoutView(http), authKind: 'hmac' });
    expect(hmac.hasSecret).toBe(false);
  });

  it('refuses input that fails the schema, in words, and stores nothing', async () => {
    const profiles = open();
    await expect(profiles.save({ kind: 'ghost', name: 'Blog', adminUrl: 'https://blog.example.org', secret: 'not-a-key' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Ghost Admin API key'),
    });
    await expect(profiles.save({ kind: 'wordpress', name: 'x'.repeat(81), siteUrl: 'https://a.example', username: 'ana' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(profiles.save({ kind: 'wordpress', name: 'Bad', siteUrl: 'ftp://a.example', username: 'ana' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await profiles.list()).toHaveLength(1);
  });
});

describe('CMS profiles: delete and default', () => {
  it('the only profile cannot be deleted', async () => {
    const profiles = open();
    const [only] = await profiles.list();
    await expect(profiles.delete(only?.id ?? '')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('only CMS profile') });
    expect(await profiles.list()).toHaveLength(1);
  });

  it('deleting a profile deletes its secret; deleting the default makes another the default', async () => {
    const profiles = open();
    const [folderProfile] = await profiles.list();
    const wp = await profiles.save({ kind: 'wordpress', name: 'Daily', siteUrl: 'https://daily.example.org', username: 'ana', secret: PASSWORD });
    await profiles.setDefault(wp.id);
    expect(await profiles.defaultProfileId()).toBe(wp.id);
    await profiles.delete(wp.id);
    expect(await secrets.get(profileSecretName(wp.id))).toBeUndefined();
    expect((await profiles.list()).map((profile) => profile.id)).toEqual([folderProfile?.id]);
    expect(await profiles.defaultProfileId()).toBe(folderProfile?.id);
    // And it stays so on the next start.
    expect(await open().defaultProfileId()).toBe(folderProfile?.id);
  });

  it('an unknown id is NOT_FOUND for delete, setDefault and save', async () => {
    const profiles = open();
    const ghostId = '00000000-0000-4000-8000-0000000000ff';
    await expect(profiles.delete(ghostId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(profiles.setDefault(ghostId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(profiles.save({ kind: 'folder', id: ghostId, name: 'X', folder: '/tmp/x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

/** A view back into save input: the renderer sends the profile, never the secret state. */
function withoutView<T extends { hasSecret: boolean; secretPersisted: boolean }>(view: T): Omit<T, 'hasSecret' | 'secretPersisted'> {
  const { hasSecret: _hasSecret, secretPersisted: _persisted, ...profile } = view;
  return profile;
}
