import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { newArticle } from '../../../shared/model/article';
import { DEFAULT_HOUSE_PROFILE } from '../../../shared/model/house-profile';
import type { ConflictView, PublishStatus } from '../../../shared/model/publishing';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { DRAFT, entry, FOLDER, JOB, job, PROFILES, SITE, statusWith } from './panel-fixture';
import { PublishPanel } from './PublishPanel';

const NEW_JOB = '44444444-4444-4444-8444-444444444444';

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

async function mount(status: PublishStatus, handlers: Parameters<typeof installFakeBridge>[0] = {}, flush: () => Promise<boolean> = async () => true) {
  bridge = installFakeBridge({
    'profiles.list': () => ok({ profiles: PROFILES, defaultProfileId: FOLDER }),
    'publishing.status': () => ok(status),
    'outbox.list': () => ok({ jobs: [refused], problems: [], stoppedProfiles: [] }),
    'publishing.queue': () => ok({ jobId: NEW_JOB, action: 'update' }),
    'outbox.discard': () => ok({}),
    ...handlers,
  });
  render(
    <PublishPanel
      draftId={DRAFT}
      flush={flush}
      onOpenSettings={() => {}}
      fields={newArticle({ headline: 'Budget' })}
      houseProfile={{ kind: 'ready', profile: { ...DEFAULT_HOUSE_PROFILE, required: ['headline'] } }}
      onPublished={() => {}}
    />,
  );
  await act(async () => {});
  return bridge;
}

const click = async (name: string, scope: HTMLElement = document.body) => {
  await act(async () => {
    fireEvent.click(within(scope).getByRole('button', { name }));
  });
};

const REFUSED = '55555555-5555-4555-8555-555555555555';
/** The update the site refused as a conflict, still in the outbox. */
const refused = job({ id: REFUSED, action: 'update', state: 'failed', lastError: { code: 'CONFLICT', message: 'Changed on the site.' } });
const live = { profileId: SITE, profileName: 'Main site', state: 'behind' as const, url: 'https://news.example/a' };
const conflicted = statusWith({
  entries: [entry({ state: 'sent' }), entry({ jobId: REFUSED, action: 'update', state: 'failed', code: 'CONFLICT', message: 'Changed on the site.' })],
  live: [live],
});
const conflictView: ConflictView = {
  profileName: 'Main site',
  remote: { title: 'Budget agreed', html: '<p>The council agreed the budget.</p><img src=x onerror="window.hacked=1">', status: 'publish', url: 'https://news.example/a', version: 'v2' },
  local: { title: 'Budget rejected', html: '<p>The council rejected the budget.</p>' },
};

describe('Preview', () => {
  it('shows what the CMS receives, what is not sent, and the body as text', async () => {
    const fake = await mount(statusWith(), {
      'publishing.preview': () =>
        ok({ profileId: SITE, profileName: 'Main site', kind: 'wordpress', sent: [{ field: 'Excerpt', value: 'The standfirst' }], lost: [], body: '<p><b>Bold</b> text</p>' }),
    });
    await click('Preview');
    const dialog = screen.getByRole('dialog', { name: 'Preview for Main site' });
    expect(fake.callsTo('publishing.preview')).toEqual([{ draftId: DRAFT, profileId: SITE }]);
    const table = within(dialog).getByRole('table', { name: 'What WordPress receives' });
    expect(within(table).getByRole('rowheader', { name: 'Excerpt' })).toBeTruthy();
    expect(within(table).getByText('The standfirst')).toBeTruthy();
    expect(within(dialog).getByText('Everything is sent.')).toBeTruthy();
    // The HTML is shown as text, never turned into elements.
    expect(dialog.querySelector('pre')?.textContent).toBe('<p><b>Bold</b> text</p>');
    expect(dialog.querySelector('b')).toBeNull();
    await click('Close', dialog);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('saves what was just typed before asking for the preview, and says so when it cannot', async () => {
    const order: string[] = [];
    const preview = () => {
      order.push('preview');
      return ok({ profileId: SITE, profileName: 'Main site', kind: 'wordpress' as const, sent: [], lost: [], body: '' });
    };
    await mount(statusWith(), { 'publishing.preview': preview }, async () => (order.push('flush'), true));
    await click('Preview');
    expect(order).toEqual(['flush', 'preview']);
    cleanup();
    bridge?.uninstall();

    const fake = await mount(statusWith(), { 'publishing.preview': preview }, async () => false);
    await click('Preview');
    expect(within(screen.getByRole('dialog')).getByRole('alert').textContent).toMatch(/could not be saved/);
    expect(fake.callsTo('publishing.preview')).toEqual([]);
  });

  it('lists the fields the CMS cannot hold', async () => {
    await mount(statusWith(), {
      'publishing.preview': () => ok({ profileId: SITE, profileName: 'Main site', kind: 'ghost', sent: [], lost: ['Dateline', 'SEO description'], body: '' }),
    });
    await click('Preview');
    const lost = within(screen.getByRole('dialog')).getByRole('list', { name: 'Not sent' });
    expect(within(lost).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Dateline', 'SEO description']);
  });
});

describe('Conflict', () => {
  it('compares the web copy with ours word by word and overwrites on request', async () => {
    const fake = await mount(conflicted, { 'publishing.conflict': () => ok(conflictView) });
    expect(screen.getByText(/Changed on Main site since your last publish/)).toBeTruthy();
    // A conflict is answered by comparing, not by sending the same update again.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await click('Compare');
    const dialog = screen.getByRole('dialog', { name: 'Changes on Main site' });
    expect(within(dialog).getByText('Budget agreed')).toBeTruthy();
    expect(within(dialog).getByText('Budget rejected')).toBeTruthy();
    const diff = within(dialog).getByLabelText('Differences');
    expect([...diff.querySelectorAll('del')].map((node) => node.textContent)).toEqual(['agreed']);
    expect([...diff.querySelectorAll('ins')].map((node) => node.textContent)).toEqual(['rejected']);
    expect(diff.querySelector('img')).toBeNull();
    expect((window as { hacked?: number }).hacked).toBeUndefined();

    await click('Overwrite with my version', dialog);
    expect(fake.callsTo('publishing.queue')).toEqual([{ draftId: DRAFT, profileId: SITE, kind: 'update', overwrite: true }]);
    expect(fake.callsTo('outbox.discard')).toEqual([{ jobId: REFUSED }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the web version by dropping our refused update', async () => {
    const fake = await mount(conflicted, { 'publishing.conflict': () => ok({ ...conflictView, remote: null }) });
    await click('Compare');
    const dialog = screen.getByRole('dialog', { name: 'Changes on Main site' });
    expect(within(dialog).getByText(/gone from Main site/)).toBeTruthy();
    await click('Keep the web version', dialog);
    expect(fake.callsTo('outbox.discard')).toEqual([{ jobId: REFUSED }]);
    expect(fake.callsTo('publishing.queue')).toEqual([]);
    expect(screen.queryByRole('dialog')).toBeNull();
    // The main side says the job left the outbox: no more conflict to answer, nothing to try again.
    await act(async () => fake.emit('outbox.changed', { job: refused, pending: 0, removed: true }));
    await act(async () => {});
    expect(screen.queryByRole('button', { name: 'Compare' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});

describe('Publish log', () => {
  it('lists every action newest first with its result, link and note', async () => {
    await mount(
      statusWith({
        entries: [
          entry({ state: 'sent', url: 'https://news.example/a', queuedAt: '2026-11-28T10:00:00Z' }),
          entry({ jobId: JOB.replace('3333', '6666'), action: 'correction', state: 'failed', message: 'Site down.', correctionNote: 'Fixed a name.', queuedAt: '2026-11-28T11:00:00Z' }),
        ],
      }),
    );
    const items = within(screen.getByRole('list', { name: 'Publish log' })).getAllByRole('listitem');
    expect(items[0]?.textContent).toMatch(/Main site · Correction · Failed: Site down\./);
    expect(items[0]?.textContent).toContain('Correction note: Fixed a name.');
    expect(items[1]?.textContent).toMatch(/Main site · Published · Sent · https:\/\/news\.example\/a/);
  });
});
