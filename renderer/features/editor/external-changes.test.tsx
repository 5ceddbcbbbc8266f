import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newArticle, type Article } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import { DEFAULT_HOUSE_PROFILE } from '../../../shared/model/house-profile';
import type { Result } from '../../../shared/ipc/result';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { EditorScreen } from './EditorScreen';
import { copyHeadline } from './useExternalChanges';

const ID = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
const COPY = '9a1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
const draftAt = (revision: number, headline: string): Draft => ({
  id: ID,
  createdAt: '2025-03-12T09:00:00.000Z',
  updatedAt: `2025-03-12T09:3${revision}:00.000Z`,
  revision,
  article: newArticle({ headline }),
  publication: {}, review: { status: 'draft', trail: [] },
});

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
  vi.useRealTimers();
});

/** The draft on "disk" as main would answer it; a test changes it as another machine would. */
function fakeMain(options: { save?: (input: { baseRevision?: number }) => Result<unknown> } = {}) {
  const disk = { draft: draftAt(1, 'Council vote') };
  bridge = installFakeBridge({
    'drafts.open': () => ok(disk.draft),
    'drafts.save': (input) =>
      options.save?.(input as { baseRevision?: number }) ?? ok({ revision: disk.draft.revision + 1, savedAt: new Date().toISOString(), wordCount: 0 }),
    'drafts.create': (input) => ok({ ...draftAt(0, ''), id: COPY, article: (input as { article: Article }).article }),
    'settings.getHouseProfile': () => ok(DEFAULT_HOUSE_PROFILE),
    'profiles.list': () => ok({ profiles: [], defaultProfileId: null }),
    'outbox.list': () => ok({ jobs: [], problems: [], stoppedProfiles: [] }),
    'versions.list': () => ok({ versions: [] }),
  });
  return { bridge, disk };
}

const headline = () => (screen.getByLabelText('Headline') as HTMLTextAreaElement).value;
const changedElsewhere = async (fake: ReturnType<typeof fakeMain>, draft: Draft) => {
  fake.disk.draft = draft;
  await act(async () => fake.bridge.emit('drafts.changed', { id: ID, revision: draft.revision, reason: 'external' }));
  await act(async () => {});
};

describe('a draft changed by someone else while it is open', () => {
  it('with nothing unsaved, shows the newer file and says so', async () => {
    const fake = fakeMain();
    render(<EditorScreen draftId={ID} onBack={vi.fn()} onOpenSettings={vi.fn()} />);
    await act(async () => {});
    expect(headline()).toBe('Council vote');

    await changedElsewhere(fake, draftAt(4, 'Council vote delayed'));
    expect(headline()).toBe('Council vote delayed');
    expect(screen.getByText('Updated from disk: someone else changed this draft.')).toBeTruthy();
    expect(fake.bridge.callsTo('drafts.create')).toEqual([]);
    expect(fake.bridge.callsTo('drafts.save')).toEqual([]); // nothing written back over it
  });

  it('with unsaved edits, keeps them as a new draft, shows the newer file, and opens the copy on request', async () => {
    const fake = fakeMain();
    render(<EditorScreen draftId={ID} onBack={vi.fn()} onOpenSettings={vi.fn()} />);
    await act(async () => {});
    fireEvent.change(screen.getByLabelText('Headline'), { target: { value: 'Council vote: my angle' } });

    await changedElsewhere(fake, draftAt(4, 'Council vote delayed'));
    const created = fake.bridge.callsTo('drafts.create') as Array<{ article: Article }>;
    expect(created).toHaveLength(1);
    expect(created[0]?.article.headline).toMatch(/^Council vote: my angle \(your edits \d\d:\d\d\)$/);
    expect(headline()).toBe('Council vote delayed');
    expect(fake.bridge.callsTo('drafts.save')).toEqual([]); // the local text never went over the newer file
    expect(screen.getByText(/your edits were kept as a new draft/)).toBeTruthy();

    fake.disk.draft = { ...draftAt(0, ''), id: COPY, article: created[0]!.article };
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Open your copy' })));
    await act(async () => {});
    expect(headline()).toBe(created[0]?.article.headline);
  });

  it('keeps both when a save is refused because the file changed (CONFLICT), before any event', async () => {
    const fake = fakeMain({ save: () => ({ ok: false, error: { code: 'CONFLICT', message: 'Not saved: this draft was changed by another program.' } }) });
    render(<EditorScreen draftId={ID} onBack={vi.fn()} onOpenSettings={vi.fn()} />);
    await act(async () => {});
    fireEvent.change(screen.getByLabelText('Headline'), { target: { value: 'My rewrite' } });
    fake.disk.draft = draftAt(3, 'Desk rewrite');
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Back to drafts' })));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));

    expect(fake.bridge.callsTo('drafts.save')).toEqual([expect.objectContaining({ baseRevision: 1 })]);
    expect((fake.bridge.callsTo('drafts.create') as Array<{ article: Article }>).map((c) => c.article.headline)).toEqual([
      expect.stringMatching(/^My rewrite \(your edits \d\d:\d\d\)$/),
    ]);
    expect(headline()).toBe('Desk rewrite');
    // The event for the same change comes after: nothing more is copied or reloaded.
    await changedElsewhere(fake, fake.disk.draft);
    expect(fake.bridge.callsTo('drafts.create')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Open your copy' })).toBeTruthy();
  });

  it('names the copy after the headline and the time', () => {
    expect(copyHeadline('Budget', new Date(2025, 0, 1, 9, 5))).toBe('Budget (your edits 09:05)');
    expect(copyHeadline('  ', new Date(2025, 0, 1, 14, 30))).toBe('Untitled (your edits 14:30)');
  });
});
