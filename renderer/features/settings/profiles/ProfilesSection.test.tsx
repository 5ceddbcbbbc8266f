import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CmsProfileInput, CmsProfileView } from '../../../../shared/model/cms-profiles';
import type { ConnectionVerdictView } from '../../../../shared/model/publishing';
import type { Result } from '../../../../shared/ipc/result';
import { installFakeBridge, ok } from '../../../test-support/fake-bridge';
import { ProfilesSection } from './ProfilesSection';

const WP_ID = '11111111-1111-4111-8111-111111111111';
const FOLDER_ID = '22222222-2222-4222-8222-222222222222';
const NEW_ID = '33333333-3333-4333-8333-333333333333';
const GHOST_KEY = `${'0123456789abcdef01234567'}:${'ab'.repeat(32)}`;

const wordpress: CmsProfileView = {
  kind: 'wordpress',
  id: WP_ID,
  name: 'Main site',
  siteUrl: 'https://news.example',
  username: 'desk',
  hasSecret: true,
  secretPersisted: true,
};
const folder: CmsProfileView = { kind: 'folder', id: FOLDER_ID, name: 'Archive', folder: '/srv/archive', hasSecret: false, secretPersisted: true };

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

/** A main side in miniature: profiles kept between calls, the last one refused on delete as the real one does. */
async function open(options: { profiles?: CmsProfileView[]; verdict?: ConnectionVerdictView; persisted?: boolean } = {}) {
  const store = { profiles: options.profiles ?? [wordpress, folder], defaultProfileId: WP_ID };
  const persisted = options.persisted ?? true;
  bridge = installFakeBridge({
    'profiles.list': () => ok({ profiles: store.profiles, defaultProfileId: store.defaultProfileId }),
    'profiles.save': (raw) => {
      const input = raw as CmsProfileInput & { secret?: string };
      const { secret, ...rest } = input;
      const previous = store.profiles.find((profile) => profile.id === input.id);
      const view = {
        ...rest,
        id: input.id ?? NEW_ID,
        hasSecret: secret !== undefined || (previous?.hasSecret ?? false),
        secretPersisted: persisted,
      } as CmsProfileView;
      store.profiles = [...store.profiles.filter((profile) => profile.id !== view.id), view];
      return ok(view);
    },
    'profiles.delete': (raw): Result<unknown> => {
      const { id } = raw as { id: string };
      if (store.profiles.length === 1) {
        return { ok: false, error: { code: 'CONFLICT', message: 'Keep at least one publishing destination.' } };
      }
      store.profiles = store.profiles.filter((profile) => profile.id !== id);
      return ok({});
    },
    'profiles.setDefault': (raw) => {
      store.defaultProfileId = (raw as { id: string }).id;
      return ok({});
    },
    'profiles.test': () => ok(options.verdict ?? { ok: true, account: 'Ada Desk', canPublish: true }),
  });
  render(<ProfilesSection />);
  await act(async () => {});
  return bridge;
}

const list = () => screen.getByRole('list', { name: 'Publishing destinations' });
const item = (name: string) => within(list()).getAllByRole('listitem').find((li) => li.textContent?.includes(name))!;
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const click = async (name: string, scope: HTMLElement = document.body) => {
  await act(async () => {
    fireEvent.click(within(scope).getByRole('button', { name }));
  });
};

describe('ProfilesSection', () => {
  it('lists every profile with its kind, address, default mark and secret state', async () => {
    await open();
    const items = within(list()).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(item('Main site').textContent).toContain('WordPress');
    expect(item('Main site').textContent).toContain('https://news.example');
    expect(item('Main site').textContent).toContain('Default');
    expect(item('Main site').textContent).toContain('Application password stored.');
    expect(item('Archive').textContent).toContain('Local folder');
    expect(item('Archive').textContent).toContain('/srv/archive');
    expect(item('Archive').textContent).not.toContain('Default');
    // The default has no "Make default"; the other has.
    expect(within(item('Main site')).queryByRole('button', { name: 'Make default' })).toBeNull();
    expect(within(item('Archive')).getByRole('button', { name: 'Make default' })).toBeTruthy();
  });

  it('adds a Ghost profile: a bad key is refused by its field, a good one is saved and not shown back', async () => {
    const fake = await open();
    await click('Add profile');
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'ghost' } });
    expect(screen.queryByLabelText('User name')).toBeNull();
    type('Profile name', 'Ghost blog');
    type('Admin API URL', 'https://ghost.example');
    type('Admin API key', 'secret-without-colon');
    await click('Save profile');
    expect(field('Admin API key').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Admin API key'));
    expect(screen.getByText(/This is not a Ghost Admin API key/).id).toBe(field('Admin API key').getAttribute('aria-describedby'));
    expect(fake.callsTo('profiles.save')).toEqual([]);

    type('Admin API key', GHOST_KEY);
    expect(field('Admin API key').getAttribute('aria-invalid')).toBeNull();
    await click('Save profile');
    expect(fake.callsTo('profiles.save')).toEqual([
      { kind: 'ghost', name: 'Ghost blog', adminUrl: 'https://ghost.example', secret: GHOST_KEY },
    ]);
    expect(screen.getByRole('status').textContent).toBe('Saved.');
    expect(field('Admin API key').value).toBe('');
    expect(screen.getByText('Leave empty to keep the stored one.')).toBeTruthy();
    expect(item('Ghost blog').textContent).toContain('Ghost');
    expect(item('Ghost blog').textContent).toContain('Admin API key stored.');
    expect(document.body.textContent).not.toContain(GHOST_KEY);
  });

  it('edits a profile and keeps the stored secret when the field is left empty', async () => {
    const fake = await open();
    await click('Edit', item('Main site'));
    expect(field('Application password').value).toBe('');
    expect(field('Application password').type).toBe('password');
    expect(screen.getByText('Leave empty to keep the stored one.')).toBeTruthy();
    expect(field('Site address').value).toBe('https://news.example');
    type('User name', 'editor');
    await click('Save profile');
    const [sent] = fake.callsTo('profiles.save');
    expect(sent).toEqual({ kind: 'wordpress', id: WP_ID, name: 'Main site', siteUrl: 'https://news.example', username: 'editor' });
    expect(Object.keys(sent as object)).not.toContain('secret');
  });

  it('shows what the connection test found, busy while it runs', async () => {
    await open({ verdict: { ok: true, account: 'Ada Desk', canPublish: false } });
    await click('Edit', item('Main site'));
    await click('Test connection');
    expect(screen.getByRole('status').textContent).toBe(
      'Connected as Ada Desk. This account cannot publish posts: ask for an editor or administrator account.',
    );
    cleanup();

    const fake = await open({ verdict: { ok: false, code: 'AUTH_FAILED', message: 'WordPress refused the user name or password.' } });
    await click('Edit', item('Main site'));
    let answer: (value: Result<unknown>) => void = () => {};
    const original = window.newsroom!.invoke;
    window.newsroom!.invoke = (method, input) => {
      if (method !== 'profiles.test') return original(method, input);
      fake.calls.push({ method, input });
      return new Promise((resolve) => (answer = resolve));
    };
    type('Application password', 'wrong one');
    await click('Test connection');
    expect(screen.getByRole('status').textContent).toBe('Testing…');
    expect((screen.getByRole('button', { name: 'Test connection' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fake.callsTo('profiles.test')).toEqual([
      { kind: 'wordpress', id: WP_ID, name: 'Main site', siteUrl: 'https://news.example', username: 'desk', secret: 'wrong one' },
    ]);
    await act(async () => answer(ok({ ok: false, code: 'AUTH_FAILED', message: 'WordPress refused the user name or password.' })));
    expect(screen.getByRole('alert').textContent).toBe('WordPress refused the user name or password.');
  });

  it('asks before deleting, deletes, and shows the refusal to delete the last one', async () => {
    const fake = await open();
    await click('Delete', item('Archive'));
    expect(fake.callsTo('profiles.delete')).toEqual([]);
    await click('Keep it', item('Archive'));
    await click('Delete', item('Archive'));
    await click('Yes, delete', item('Archive'));
    expect(fake.callsTo('profiles.delete')).toEqual([{ id: FOLDER_ID }]);
    expect(within(list()).getAllByRole('listitem')).toHaveLength(1);

    await click('Delete', item('Main site'));
    await click('Yes, delete', item('Main site'));
    expect(screen.getByRole('alert').textContent).toBe('Keep at least one publishing destination.');
    expect(within(list()).getAllByRole('listitem')).toHaveLength(1);
  });

  it('makes another profile the default', async () => {
    const fake = await open();
    await click('Make default', item('Archive'));
    expect(fake.callsTo('profiles.setDefault')).toEqual([{ id: FOLDER_ID }]);
    expect(item('Archive').textContent).toContain('Default');
    expect(item('Main site').textContent).not.toContain('Default');
  });

  it('warns that secrets last only until quitting when the computer has no secure store', async () => {
    await open({ profiles: [{ ...wordpress, secretPersisted: false }] });
    expect(item('Main site').textContent).toContain('Application password kept until you quit.');
    await click('Edit', item('Main site'));
    const warning = 'This computer has no secure password store, so Newsroom keeps the password only until you quit.';
    expect(screen.getByText(warning)).toBeTruthy();
    await click('Close');
    // A new profile gets the same warning (the store is the computer's), but not a folder, which has no secret.
    await click('Add profile');
    expect(screen.getByText(warning)).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'folder' } });
    expect(screen.queryByText(warning)).toBeNull();
  });

  it('says nothing about the password store when it keeps secrets', async () => {
    await open();
    await click('Edit', item('Main site'));
    expect(screen.queryByText(/no secure password store/)).toBeNull();
  });
});
