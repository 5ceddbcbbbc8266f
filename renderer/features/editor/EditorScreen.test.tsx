import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/ipc/result';
import { newArticle } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import { DEFAULT_HOUSE_PROFILE } from '../../../shared/model/house-profile';
import { App } from '../../App';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { EditorScreen } from './EditorScreen';

const ID = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
const draft: Draft = {
  id: ID,
  createdAt: '2025-03-12T09:00:00.000Z',
  updatedAt: '2025-03-12T09:30:00.000Z',
  revision: 1,
  article: newArticle({ headline: 'Old headline' }),
  publication: {}, review: { status: 'draft', trail: [] },
};

const SITE = '11111111-1111-4111-8111-111111111111';
const JOB = '33333333-3333-4333-8333-333333333333';
const SITE_PROFILE = { kind: 'wordpress' as const, id: SITE, name: 'Main site', siteUrl: 'https://news.example', username: 'desk', hasSecret: false, secretPersisted: true };

const saved = () => ok({ revision: 2, savedAt: new Date(2025, 2, 12, 10, 42).toISOString(), wordCount: 0 });

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

async function openEditor(handlers: Parameters<typeof installFakeBridge>[0], onBack = vi.fn(), onOpenSettings = vi.fn()) {
  bridge = installFakeBridge({
    'drafts.open': () => ok(draft),
    // House rules this draft meets, so Publish is enabled (the checklist has its own tests).
    'settings.getHouseProfile': () => ok({ ...DEFAULT_HOUSE_PROFILE, required: ['headline'] }),
    // One CMS profile, nothing published yet (the publish panel has its own tests).
    'profiles.list': () => ok({ profiles: [SITE_PROFILE], defaultProfileId: SITE }),
    'publishing.status': () => ok({ profileId: SITE, revision: 1, entries: [], live: [] }),
    'outbox.list': () => ok({ jobs: [], problems: [], stoppedProfiles: [] }),
    ...handlers,
  });
  render(<EditorScreen draftId={ID} onBack={onBack} onOpenSettings={onOpenSettings} />);
  await act(async () => {});
  return bridge;
}

describe('EditorScreen', () => {
  it('saves the headline and body before going back to the drafts', async () => {
    const onBack = vi.fn();
    const fake = await openEditor({ 'drafts.save': saved }, onBack);
    fireEvent.change(screen.getByLabelText('Headline'), { target: { value: 'New\nheadline' } });
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Back to drafts' }));
    });
    // The slug follows the headline until the journalist edits it; the save names the revision it was edited from.
    expect(fake.callsTo('drafts.save')).toEqual([{ id: ID, article: newArticle({ headline: 'New headline', slug: 'new-headline' }), baseRevision: draft.revision }]);
    expect(onBack).toHaveBeenCalled();
  });

  it('stays on the draft and says why when the save fails', async () => {
    const onBack = vi.fn();
    const diskFull: Result<never> = {
      ok: false,
      error: { code: 'DISK_FULL', message: 'The disk is full. Your text is still in the editor.' },
    };
    await openEditor({ 'drafts.save': () => diskFull }, onBack);
    fireEvent.change(screen.getByLabelText('Headline'), { target: { value: 'Headline' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Back to drafts' }));
    });
    expect(onBack).not.toHaveBeenCalled();
    expect(screen.getByText('Not saved: the disk is full. Your text is still in the editor.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('offers Settings when the CMS profile is not set up', async () => {
    const onOpenSettings = vi.fn();
    await openEditor(
      {
        'drafts.save': saved,
        'publishing.queue': () => ({ ok: false, error: { code: 'NOT_CONFIGURED', message: 'Set up your WordPress site first.' } }),
      },
      vi.fn(),
      onOpenSettings,
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('Set up your WordPress site first.');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Open Settings' }));
    });
    expect(onOpenSettings).toHaveBeenCalled();
  });

  it('queues the story and shows the published address as a link', async () => {
    let live = false;
    const fake = await openEditor({
      'drafts.save': saved,
      'publishing.queue': () => ok({ jobId: JOB, action: 'create' as const }),
      'publishing.status': () =>
        ok({
          profileId: SITE,
          revision: 1,
          entries: live
            ? [{ jobId: JOB, profileId: SITE, profileName: 'Main site', action: 'publish' as const, queuedAt: draft.updatedAt, state: 'sent' as const, revision: 1, url: 'https://news.example/?p=7' }]
            : [],
          live: live ? [{ profileId: SITE, profileName: 'Main site', state: 'up-to-date' as const, url: 'https://news.example/?p=7' }] : [],
        }),
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    });
    expect(fake.callsTo('publishing.queue')).toEqual([{ draftId: ID, profileId: SITE, kind: 'publish' }]);
    expect(screen.getByText('Queued for Main site.')).toBeTruthy();
    live = true;
    await act(async () => {
      fake.emit('outbox.changed', {
        job: { id: JOB, draftId: ID, profileId: SITE, profileName: 'Main site', action: 'create', state: 'done', createdAt: draft.updatedAt, notBefore: draft.updatedAt, attempts: 1, outcomeUnknown: false, url: 'https://news.example/?p=7' },
        pending: 0,
      });
    });
    await act(async () => {});
    const link = screen.getAllByRole('link', { name: 'https://news.example/?p=7' })[0]!;
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getByText('Published:', { exact: false }).textContent).toBe('Published: https://news.example/?p=7');
  });
});

describe('App', () => {
  it('answers app.flushRequested with app.flushComplete after saving', async () => {
    bridge = installFakeBridge({
      'drafts.list': () => ok({ drafts: [], problems: [] }),
      'app.flushComplete': () => ok({}),
    });
    render(<App />);
    await act(async () => {});
    await act(async () => {
      bridge?.emit('app.flushRequested', {});
    });
    expect(bridge.callsTo('app.flushComplete')).toEqual([{}]);
  });

  it('saves the open draft before answering app.flushRequested', async () => {
    bridge = installFakeBridge({
      'drafts.list': () =>
        ok({
          drafts: [
            { id: ID, headline: 'Old headline', wordCount: 0, createdAt: draft.createdAt, updatedAt: draft.updatedAt, published: false, section: '', byline: [], state: 'draft' },
          ],
          problems: [],
        }),
      'drafts.open': () => ok(draft),
      'drafts.save': saved,
      'app.flushComplete': () => ok({}),
    });
    render(<App />);
    await act(async () => {});
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Old headline' }));
    });
    fireEvent.change(screen.getByLabelText('Headline'), { target: { value: 'Late change' } });
    await act(async () => {
      bridge?.emit('app.flushRequested', {});
    });
    const order = bridge.calls.map((c) => c.method).filter((m) => m === 'drafts.save' || m === 'app.flushComplete');
    expect(order).toEqual(['drafts.save', 'app.flushComplete']);
    expect(bridge.callsTo('drafts.save')[0]).toMatchObject({ article: { headline: 'Late change' } });
  });
});
