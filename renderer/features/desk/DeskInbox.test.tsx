import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CmsProfileView } from '../../../shared/model/cms-profiles';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { DRAFT, FOLDER, PROFILES, SITE } from '../publishing/panel-fixture';
import { DeskInboxButton } from './DeskInboxButton';
import type { DeskStory } from './useDeskInbox';

const GHOST = '55555555-5555-4555-8555-555555555555';
const GHOST_PROFILE: CmsProfileView = { kind: 'ghost', id: GHOST, name: 'Daily site', adminUrl: 'https://daily.example', hasSecret: true, secretPersisted: true };

const story = (patch: Partial<DeskStory> = {}): DeskStory => ({
  remoteId: '41',
  title: 'Council budget',
  author: 'Ana Ruiz',
  modifiedAt: '2026-11-29T10:00:00Z',
  fromNewsroom: true,
  status: 'filed',
  url: 'https://news.example/?p=41',
  ...patch,
});

/** Written on the site: no Newsroom story, so no desk status. */
const { status: _none, ...webStory } = story({ remoteId: '42', title: 'Flood warning', author: 'web desk', fromNewsroom: false });

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

type Handlers = Parameters<typeof installFakeBridge>[0];

async function openInbox(handlers: Handlers = {}) {
  const onOpen = vi.fn();
  bridge = installFakeBridge({
    'profiles.list': () => ok({ profiles: [...PROFILES, GHOST_PROFILE], defaultProfileId: GHOST }),
    'desk.list': () => ok({ stories: [] }),
    ...handlers,
  });
  render(<DeskInboxButton onOpen={onOpen} />);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Desk inbox' }));
  });
  await act(async () => {});
  return { fake: bridge, onOpen, dialog: () => screen.getByRole('dialog', { name: 'Desk inbox' }) };
}

const click = async (name: string | RegExp, inside: HTMLElement = document.body) => {
  await act(async () => {
    fireEvent.click(within(inside).getByRole('button', { name }));
  });
};

describe('Desk inbox', () => {
  it('lists the default desk first, with who, when, status and where each story comes from', async () => {
    const { fake, dialog } = await openInbox({
      'desk.list': () => ok({ stories: [story({ localDraftId: DRAFT }), webStory] }),
    });
    // Only WordPress and Ghost have a desk; the folder is not offered.
    expect(fake.callsTo('desk.list')).toEqual([{ profileId: GHOST }]);
    const options = within(dialog()).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Daily site', 'Main site']);
    expect(options).not.toContain(PROFILES.find((p) => p.id === FOLDER)!.name);
    const rows = within(screen.getByRole('list', { name: 'Waiting for review on Daily site' })).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Council budget');
    expect(rows[0]!.textContent).toContain('Ana Ruiz');
    expect(rows[0]!.textContent).toContain('Filed');
    expect(rows[0]!.textContent).toContain('From Newsroom');
    expect(rows[0]!.textContent).toContain('Opened here');
    expect(rows[1]!.textContent).toContain('Written on the site');
    expect(rows[1]!.textContent).not.toContain('Opened here');
  });

  it('says so when nothing waits, and lists another site when chosen', async () => {
    const { fake, dialog } = await openInbox();
    expect(within(dialog()).getByRole('status').textContent).toBe('No stories are waiting for review on Daily site.');
    await act(async () => {
      fireEvent.change(within(dialog()).getByRole('combobox', { name: 'Desk on' }), { target: { value: SITE } });
    });
    expect(fake.callsTo('desk.list').at(-1)).toEqual({ profileId: SITE });
    expect(within(dialog()).getByRole('status').textContent).toBe('No stories are waiting for review on Main site.');
  });

  it('says an unreachable site in plain words, and Try again reads it again', async () => {
    let calls = 0;
    const { dialog } = await openInbox({
      'desk.list': () => (calls++ === 0 ? { ok: false, error: { code: 'UNREACHABLE', message: 'Connection refused.' } } : ok({ stories: [story()] })),
    });
    expect(within(dialog()).getByRole('alert').textContent).toMatch(/^Daily site cannot be reached/);
    await click('Try again', dialog());
    expect(within(dialog()).getByRole('button', { name: 'Open Council budget' })).toBeTruthy();
  });

  it('sends a refused sign-in to Settings', async () => {
    const { dialog } = await openInbox({ 'desk.list': () => ({ ok: false, error: { code: 'AUTH_FAILED', message: 'Daily site refused the key.' } }) });
    expect(within(dialog()).getByRole('alert').textContent).toBe(
      'Daily site refused the sign-in: Daily site refused the key. Fix the account in Settings → Publishing, then try again.',
    );
  });

  it('needs a WordPress or Ghost destination', async () => {
    const { fake, dialog } = await openInbox({ 'profiles.list': () => ok({ profiles: [PROFILES[1]!], defaultProfileId: FOLDER }) });
    expect(within(dialog()).getByRole('status').textContent).toMatch(/needs a WordPress or Ghost destination/);
    expect(fake.callsTo('desk.list')).toEqual([]);
  });

  it('opens a story as a local draft, says what happened here, then goes to it', async () => {
    const { fake, onOpen, dialog } = await openInbox({
      'desk.list': () => ok({ stories: [story()] }),
      'desk.open': () => ok({ draftId: DRAFT, outcome: 'updated', message: 'Your draft was brought up to date; your local changes were kept as a copy.' }),
    });
    await click('Open Council budget', dialog());
    expect(fake.callsTo('desk.open')).toEqual([{ profileId: GHOST, remoteId: '41' }]);
    expect(within(dialog()).getByRole('status').textContent).toBe('Your draft was brought up to date; your local changes were kept as a copy.');
    expect(onOpen).not.toHaveBeenCalled();
    await click('Edit the story', dialog());
    expect(onOpen).toHaveBeenCalledWith(DRAFT);
  });

  it('says why a story could not be opened, and stays on the list', async () => {
    const { onOpen, dialog } = await openInbox({
      'desk.list': () => ok({ stories: [story()] }),
      'desk.open': () => ({ ok: false, error: { code: 'BAD_RESPONSE', message: 'The story on the site is damaged.' } }),
    });
    await click('Open Council budget', dialog());
    expect(within(dialog()).getByRole('alert').textContent).toBe('“Council budget” could not be opened: The story on the site is damaged.');
    expect(onOpen).not.toHaveBeenCalled();
    expect(within(dialog()).getByRole('button', { name: 'Open Council budget' })).toBeTruthy();
  });
});
