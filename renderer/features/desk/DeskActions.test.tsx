import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { newArticle } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import type { ReviewRecord } from '../../../shared/model/review';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { DRAFT, FOLDER, job, JOB, PROFILES, SITE, statusWith } from '../publishing/panel-fixture';
import { DeskActions } from './DeskActions';

const FILED: ReviewRecord = { status: 'filed', trail: [{ from: 'draft', to: 'filed', by: { name: 'Ana Ruiz', initials: 'AR', at: '2026-11-29T10:00:00Z' } }] };
const draftWith = (review: ReviewRecord): Draft => ({
  id: DRAFT,
  createdAt: '2026-11-29T09:00:00Z',
  updatedAt: '2026-11-29T09:00:00Z',
  revision: 3,
  article: newArticle({ headline: 'Council budget' }),
  publication: {},
  review,
});

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

type Handlers = Parameters<typeof installFakeBridge>[0];

async function mount(review: ReviewRecord, handlers: Handlers = {}, flush: () => Promise<boolean> = async () => true) {
  const order: string[] = [];
  bridge = installFakeBridge({
    'profiles.list': () => ok({ profiles: PROFILES, defaultProfileId: SITE }),
    'publishing.status': () => ok(statusWith()),
    'outbox.list': () => ok({ jobs: [], problems: [], stoppedProfiles: [] }),
    'review.setStatus': (input) => {
      const to = (input as { to: ReviewRecord['status'] }).to;
      order.push(`status:${to}`);
      return ok({ status: to, trail: to === 'filed' ? FILED.trail : [] });
    },
    'publishing.queue': () => {
      order.push('queue');
      return ok({ jobId: JOB, action: 'create' });
    },
    'outbox.discard': () => ok({}),
    ...handlers,
  });
  const draft = draftWith(review);
  render(<DeskActions draft={draft} editor={null} fields={draft.article} update={() => {}} readArticle={() => draft.article} flush={flush} />);
  await act(async () => {});
  const emitJob = async (patch: Parameters<typeof job>[0]) => {
    await act(async () => bridge!.emit('outbox.changed', { job: job(patch), pending: 1 }));
  };
  return { fake: bridge, order, emitJob };
}

const click = async (name: string | RegExp) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

describe('DeskActions', () => {
  it('files a draft: saves, marks it Filed, queues a file to its WordPress destination, and follows the job to "sent"', async () => {
    let flushed = 0;
    const { fake, order, emitJob } = await mount({ status: 'draft', trail: [] }, {}, async () => {
      flushed++;
      return true;
    });
    await click('File to desk');
    expect(flushed).toBe(1);
    // Filed before it is queued: the copy on the desk carries the Filed status and the last revision.
    expect(order).toEqual(['status:filed', 'queue']);
    expect(fake.callsTo('publishing.queue')).toEqual([{ draftId: DRAFT, profileId: SITE, kind: 'file' }]);
    expect(screen.getByRole('status').textContent).toBe('Queued for the desk on Main site.');
    await emitJob({ state: 'sending' });
    expect(screen.getByRole('status').textContent).toBe('Sending to the desk on Main site…');
    await emitJob({ state: 'done' });
    expect(screen.getByRole('status').textContent).toBe('Sent to the desk on Main site.');
    // Now on the desk: the reporter (no user known here) sends it back, without filing again.
    expect(screen.getByRole('button', { name: 'Send back to desk' })).toBeTruthy();
  });

  it('sends a filed story back without touching its status', async () => {
    const { fake, order } = await mount(FILED);
    await click('Send back to desk');
    expect(order).toEqual(['queue']);
    expect(fake.callsTo('review.setStatus')).toEqual([]);
  });

  it('refuses a destination without a desk, before saving a status or queueing anything', async () => {
    const { fake } = await mount({ status: 'draft', trail: [] }, { 'publishing.status': () => ok(statusWith({ profileId: FOLDER })) });
    await click('File to desk');
    expect(screen.getByRole('alert').textContent).toBe('Site folder has no desk: filing needs a WordPress or Ghost destination. Choose one under Publishing.');
    expect(fake.callsTo('publishing.queue')).toEqual([]);
    expect(fake.callsTo('review.setStatus')).toEqual([]);
  });

  it('does not send when the text could not be saved', async () => {
    const { fake } = await mount({ status: 'draft', trail: [] }, {}, async () => false);
    await click('File to desk');
    expect(screen.getByRole('alert').textContent).toMatch(/^Not sent: the latest text could not be saved/);
    expect(fake.callsTo('publishing.queue')).toEqual([]);
  });

  it('puts the status back to Draft when the queue refuses, and says why', async () => {
    const { order } = await mount(
      { status: 'draft', trail: [] },
      { 'publishing.queue': () => ({ ok: false, error: { code: 'NOT_CONFIGURED', message: 'Main site has no password saved.' } }) },
    );
    await click('File to desk');
    expect(order).toEqual(['status:filed', 'status:draft']);
    expect(screen.getByRole('alert').textContent).toBe('Not sent: Main site has no password saved.');
    expect(screen.getByRole('button', { name: 'File to desk' })).toBeTruthy();
  });

  it('says an unreachable site is waited for, and offers Try again', async () => {
    const { fake, emitJob } = await mount(FILED, { 'outbox.retry': () => ok({}) });
    await click('Send back to desk');
    await emitJob({ state: 'waiting', lastError: { code: 'UNREACHABLE', message: 'refused' } });
    expect(screen.getByRole('status').textContent).toBe('Waiting: Main site cannot be reached. It goes to the desk as soon as it can.');
    await click('Try again');
    expect(fake.callsTo('outbox.retry')).toEqual([{ jobId: JOB }]);
  });

  it('opens the comparison on a conflict; overwriting queues the file again over the CMS copy and drops the refused job', async () => {
    const NEW_JOB = '44444444-4444-4444-8444-444444444444';
    let queued = 0;
    const { fake, emitJob } = await mount(FILED, {
      'publishing.queue': () => ok({ jobId: queued++ === 0 ? JOB : NEW_JOB, action: 'update' }),
      'publishing.conflict': () =>
        ok({
          profileName: 'Main site',
          remote: { title: 'Council budget', html: '<p>Edited on the web.</p>', status: 'pending', url: 'https://news.example/?p=1', version: 'v2' },
          local: { title: 'Council budget', html: '<p>Edited here.</p>' },
        }),
    });
    await click('Send back to desk');
    await emitJob({ state: 'failed', lastError: { code: 'CONFLICT', message: 'Changed on the site.' } });
    expect(screen.getByRole('alert').textContent).toMatch(/copy on Main site was changed since/);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    await click('Compare');
    expect(screen.getByRole('dialog', { name: 'Changes on Main site' })).toBeTruthy();
    await click('Overwrite with my version');
    expect(fake.callsTo('publishing.queue').at(-1)).toEqual({ draftId: DRAFT, profileId: SITE, kind: 'file', overwrite: true });
    expect(fake.callsTo('outbox.discard')).toEqual([{ jobId: JOB }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Queued for the desk on Main site.');
  });

  it('picks up a send still in the outbox from before the screen opened', async () => {
    await mount(FILED, {
      'publishing.status': () => ok(statusWith({ entries: [{ jobId: JOB, profileId: SITE, profileName: 'Main site', action: 'file', queuedAt: '2026-11-29T10:00:00Z', state: 'queued', revision: 3 }] })),
      'outbox.list': () => ok({ jobs: [job({ state: 'waiting', lastError: { code: 'TIMEOUT', message: 'slow' } })], problems: [], stoppedProfiles: [] }),
    });
    expect(screen.getByRole('status').textContent).toBe('Waiting: Main site cannot be reached. It goes to the desk as soon as it can.');
  });

  it('shows nothing for a published story', async () => {
    await mount({ status: 'published', trail: [] });
    expect(screen.queryByRole('button')).toBeNull();
  });
});
