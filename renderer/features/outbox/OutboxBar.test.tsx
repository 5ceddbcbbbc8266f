import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxView } from '../../../shared/model/publishing';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { OutboxBar } from './OutboxBar';
import { jobView } from './test-jobs';

const GHOST = '22222222-2222-4222-8222-222222222222';
const DRAFT = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';

const failed = jobView({
  createdAt: '2026-03-12T09:00:00.000Z',
  state: 'failed',
  attempts: 3,
  outcomeUnknown: true,
  lastError: { code: 'CMS_ERROR', message: 'The site refused the story.', status: 422 },
});
const held = jobView({ createdAt: '2026-03-12T09:05:00.000Z', profileId: GHOST, profileName: 'Ghost blog', action: 'update', state: 'held' });

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
  Reflect.deleteProperty(navigator, 'onLine');
});

async function renderBar(view: OutboxView, extra: Parameters<typeof installFakeBridge>[0] = {}) {
  bridge = installFakeBridge({
    'outbox.list': () => ok(view),
    'outbox.retry': () => ok({}),
    'outbox.discard': () => ok({}),
    'outbox.resume': () => ok({}),
    'outbox.wake': () => ok({}),
    'settings.getHouseProfile': () => ok({ required: [], budgets: {}, sections: [], timeZone: 'Europe/London' }),
    'drafts.list': () => ok({ drafts: [{ id: DRAFT, headline: 'Council approves budget', wordCount: 3, updatedAt: '2026-03-12T09:00:00.000Z', published: false }], problems: [] }),
    ...extra,
  });
  render(<OutboxBar />);
  await act(async () => {});
  return bridge;
}

async function openPanel() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /^Outbox/ }));
  });
  return screen.getByRole('dialog', { name: 'Outbox' });
}

const empty: OutboxView = { jobs: [], problems: [], stoppedProfiles: [] };

describe('OutboxBar', () => {
  it('shows the count and follows outbox.changed', async () => {
    const fake = await renderBar(empty);
    const indicator = screen.getByRole('button', { name: 'Outbox, all sent' });
    expect(indicator.className).not.toContain('warning');
    const queued = jobView();
    await act(async () => fake.emit('outbox.changed', { job: queued, pending: 1 }));
    expect(screen.getByRole('button', { name: 'Outbox, 1 waiting' }).textContent).toBe('Outbox: 1 waiting');
    await act(async () => fake.emit('outbox.changed', { job: { ...queued, state: 'done' }, pending: 0 }));
    expect(screen.getByRole('button', { name: 'Outbox, all sent' })).toBeTruthy();
  });

  it('takes a warning look when a job needs attention, and lists jobs oldest first in the panel', async () => {
    await renderBar({ jobs: [held, failed], problems: [], stoppedProfiles: [GHOST] });
    const indicator = screen.getByRole('button', { name: 'Outbox, 2 waiting, 2 need attention' });
    expect(indicator.className).toContain('warning');
    const dialog = await openPanel();
    const items = within(within(dialog).getByRole('list', { name: 'Outbox jobs' })).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.outbox-job-title')?.textContent)).toEqual([
      'Publish to Desk WordPress: Council approves budget',
      'Update to Ghost blog: Council approves budget',
    ]);
    expect(items[0]!.textContent).toContain('Needs attention — The site refused the story.');
    expect(items[0]!.textContent).toContain('3 attempts');
    expect(items[1]!.textContent).toContain('Sign-in refused — fix the password in Settings, then Resume');
    // A held job waits for Resume, not for Try again.
    expect(within(items[1]!).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('reads "Outbox, reading" until the list arrives, and an embargo in the newsroom time', async () => {
    let answer: (value: ReturnType<typeof ok>) => void = () => {};
    const embargoed = jobView({ state: 'pending', notBefore: '2099-06-01T08:00:00.000Z' });
    await renderBar(empty, { 'outbox.list': () => new Promise((resolve) => (answer = resolve)) });
    expect(screen.getByRole('button', { name: 'Outbox, reading' }).textContent).toBe('Outbox: …');
    await act(async () => answer(ok({ jobs: [embargoed], problems: [], stoppedProfiles: [] })));
    const dialog = await openPanel();
    expect(within(dialog).getByRole('listitem').textContent).toMatch(
      /Waiting for the embargo until 1 Jun 2099, 09:00 in London \(Europe\/London\) · .+ your time/,
    );
  });

  it('tries a failed job again and reads the outbox afresh', async () => {
    const fake = await renderBar({ jobs: [failed], problems: [], stoppedProfiles: [] });
    const dialog = await openPanel();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    });
    expect(fake.callsTo('outbox.retry')).toEqual([{ jobId: failed.id }]);
    expect(fake.callsTo('outbox.list')).toHaveLength(2);
  });

  it('asks before discarding, warns that the CMS may have it, and discards on Yes', async () => {
    const fake = await renderBar({ jobs: [failed], problems: [], stoppedProfiles: [] });
    const dialog = await openPanel();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard' }));
    const question = within(dialog).getByRole('group', { name: 'Discard this job' });
    expect(question.textContent).toContain('The CMS may already have this story.');
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Keep it' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Keep it' }));
    expect(fake.callsTo('outbox.discard')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, discard' }));
    });
    expect(fake.callsTo('outbox.discard')).toEqual([{ jobId: failed.id }]);
  });

  it('resumes a stopped account by its profile id', async () => {
    const fake = await renderBar({ jobs: [held], problems: [], stoppedProfiles: [GHOST] });
    const dialog = await openPanel();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Resume Ghost blog' }));
    });
    expect(fake.callsTo('outbox.resume')).toEqual([{ profileId: GHOST }]);
  });

  it('shows a refused command and unreadable job files in plain words', async () => {
    await renderBar(
      { jobs: [failed], problems: [{ file: '/data/outbox/a.json.corrupt-1', reason: 'A damaged publishing job was set aside.' }], stoppedProfiles: [] },
      { 'outbox.retry': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'That job is no longer in the outbox.' } }) },
    );
    const dialog = await openPanel();
    expect(dialog.textContent).toContain('1 publishing job could not be read:');
    expect(dialog.textContent).toContain('The file is kept as /data/outbox/a.json.corrupt-1.');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Try again' }));
    });
    expect(within(dialog).getByRole('alert').textContent).toBe('That job is no longer in the outbox.');
  });

  it('says when the outbox cannot be read', async () => {
    await renderBar(empty, { 'outbox.list': () => ({ ok: false, error: { code: 'IO_ERROR', message: 'The disk is not there.' } }) });
    const indicator = screen.getByRole('button', { name: 'Outbox, could not be read' });
    expect(indicator.className).toContain('warning');
    const dialog = await openPanel();
    expect(within(dialog).getByRole('alert').textContent).toContain('The outbox could not be read: The disk is not there.');
  });

  it('closes on Close and gives the focus back to the indicator', async () => {
    await renderBar(empty);
    const dialog = await openPanel();
    expect(dialog.textContent).toContain('Nothing is waiting: every story has been sent.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Outbox, all sent' }));
  });

  it('says what waits while offline, and wakes the outbox when the network is back', async () => {
    const fake = await renderBar({ jobs: [jobView(), jobView()], problems: [], stoppedProfiles: [] });
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    await act(async () => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(screen.getByRole('status').textContent).toBe('Offline — 2 will be sent when you are back online');
    expect(fake.callsTo('outbox.wake')).toEqual([]);
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    expect(fake.callsTo('outbox.wake')).toEqual([{}]);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
