import { describe, expect, it } from 'vitest';
import type { CmsProfileView } from '../../../../shared/model/cms-profiles';
import { blankForm, formFromView, readProfileForm, secretStateText, verdictText } from './profile-form';

const GHOST_KEY = `${'a'.repeat(24)}:${'b'.repeat(64)}`;
const ID = '7b0c5d7e-4d1a-4f3e-9a55-0a6f1c2b3d4e';

const wordpress: CmsProfileView = {
  kind: 'wordpress',
  id: ID,
  name: 'Main site',
  siteUrl: 'https://news.example',
  username: 'desk',
  hasSecret: true,
  secretPersisted: true,
};

describe('readProfileForm', () => {
  it('reads each kind into the contract input, only with its own fields', () => {
    const typed = { name: ' Desk ', url: 'https://x.example/', username: 'ed', folder: '/srv/out', secret: ' pw ' };
    expect(readProfileForm({ ...blankForm('wordpress'), ...typed })).toEqual({
      ok: true,
      value: { kind: 'wordpress', name: 'Desk', siteUrl: 'https://x.example', username: 'ed', secret: 'pw' },
    });
    expect(readProfileForm({ ...blankForm('ghost'), ...typed, secret: GHOST_KEY })).toEqual({
      ok: true,
      value: { kind: 'ghost', name: 'Desk', adminUrl: 'https://x.example', secret: GHOST_KEY },
    });
    expect(readProfileForm({ ...blankForm('http'), ...typed, authKind: 'hmac' })).toEqual({
      ok: true,
      value: { kind: 'http', name: 'Desk', endpointUrl: 'https://x.example', authKind: 'hmac', secret: 'pw' },
    });
    // A folder has no secret: whatever was typed in another kind's secret field is not sent.
    expect(readProfileForm({ ...blankForm('folder'), ...typed })).toEqual({
      ok: true,
      value: { kind: 'folder', name: 'Desk', folder: '/srv/out' },
    });
  });

  it('leaves an empty secret out, which keeps the stored one', () => {
    const read = readProfileForm(formFromView(wordpress));
    expect(read).toEqual({
      ok: true,
      value: { kind: 'wordpress', id: ID, name: 'Main site', siteUrl: 'https://news.example', username: 'desk' },
    });
    expect(read.ok && 'secret' in read.value).toBe(false);
  });

  it('names the field of the first problem with the schema’s own words', () => {
    expect(readProfileForm({ ...blankForm('wordpress'), name: 'Desk', url: 'news.example', username: 'ed' })).toEqual({
      ok: false,
      field: 'url',
      message: 'Enter the full site address, starting with https:// (or http://).',
    });
    expect(readProfileForm({ ...blankForm('ghost'), name: 'G', url: 'https://g.example', secret: 'not-a-key' })).toMatchObject({
      ok: false,
      field: 'secret',
      message: expect.stringContaining('This is not a Ghost Admin API key'),
    });
    expect(readProfileForm({ ...blankForm('folder'), folder: '/srv' })).toEqual({
      ok: false,
      field: 'name',
      message: 'Give the profile a name the desk will recognise.',
    });
    expect(readProfileForm({ ...blankForm('folder'), name: 'F', folder: '  ' })).toMatchObject({ ok: false, field: 'folder' });
  });
});

describe('words for the list and the test', () => {
  it('says whether a secret is stored, and for how long', () => {
    expect(secretStateText(wordpress)).toBe('Application password stored.');
    expect(secretStateText({ ...wordpress, secretPersisted: false })).toBe('Application password kept until you quit.');
    expect(secretStateText({ ...wordpress, hasSecret: false })).toBe('No application password stored yet.');
    expect(secretStateText({ kind: 'folder', id: ID, name: 'F', folder: '/x', hasSecret: false, secretPersisted: true })).toBeNull();
  });

  it('words a verdict', () => {
    expect(verdictText({ ok: true, account: 'Ada', canPublish: true })).toBe('Connected as Ada.');
    expect(verdictText({ ok: true, account: 'Ada', canPublish: false })).toBe(
      'Connected as Ada. This account cannot publish posts: ask for an editor or administrator account.',
    );
    expect(verdictText({ ok: false, code: 'AUTH_FAILED', message: 'The password was refused.' })).toBe('The password was refused.');
  });
});
