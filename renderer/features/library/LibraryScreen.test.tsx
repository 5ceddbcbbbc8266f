import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DraftSummary } from '../../../shared/model/draft';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { LibraryScreen } from './LibraryScreen';

const A = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
const B = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';

const drafts: DraftSummary[] = [
  { id: A, headline: 'Council approves budget', wordCount: 412, updatedAt: new Date().toISOString(), published: true, publishedUrl: 'https://news.example/budget' },
  { id: B, headline: '', wordCount: 1, updatedAt: new Date(Date.now() - 60_000).toISOString(), published: false },
];

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

async function renderLibrary(onOpen = vi.fn()) {
  bridge = installFakeBridge({
    'drafts.list': () =>
      ok({ drafts, problems: [{ id: 'x', reason: 'The file is not valid JSON', keptAs: '/drafts/x.json.corrupt-1' }] }),
    'drafts.trash': () => ok({}),
    'drafts.create': () => ok({ id: B }),
  });
  render(<LibraryScreen onOpen={onOpen} onOpenSettings={() => {}} />);
  await act(async () => {});
  return bridge;
}

describe('LibraryScreen', () => {
  it('lists drafts with headline, word count, last save and published address', async () => {
    await renderLibrary();
    const rows = within(screen.getByRole('list', { name: 'Drafts' })).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Council approves budget');
    expect(rows[0]!.textContent).toContain('412 words');
    expect(rows[0]!.textContent).toMatch(/Saved today \d\d:\d\d/);
    expect(rows[0]!.textContent).toContain('Published');
    expect(rows[0]!.textContent).toContain('https://news.example/budget');
    expect(within(rows[1]!).getByRole('button', { name: 'Untitled draft' })).toBeTruthy();
    expect(rows[1]!.textContent).toContain('1 word');
  });

  it('says which draft files could not be opened and where they were kept', async () => {
    await renderLibrary();
    expect(
      screen.getByText('1 draft could not be opened: The file is not valid JSON. The file was kept as /drafts/x.json.corrupt-1.'),
    ).toBeTruthy();
  });

  it('opens a draft and creates a new one', async () => {
    const onOpen = vi.fn();
    await renderLibrary(onOpen);
    fireEvent.click(screen.getByRole('button', { name: 'Council approves budget' }));
    expect(onOpen).toHaveBeenCalledWith(A);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'New draft' }));
    });
    expect(onOpen).toHaveBeenLastCalledWith(B);
  });

  it('asks before moving a draft to the trash', async () => {
    const fake = await renderLibrary();
    const row = within(screen.getByRole('list', { name: 'Drafts' })).getAllByRole('listitem')[0]!;
    fireEvent.click(within(row).getByRole('button', { name: 'Move to trash' }));
    expect(row.textContent).toContain('Move to trash?');
    fireEvent.click(within(row).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('drafts.trash')).toEqual([]);

    fireEvent.click(within(row).getByRole('button', { name: 'Move to trash' }));
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: 'Yes' }));
    });
    expect(fake.callsTo('drafts.trash')).toEqual([{ id: A }]);
  });

  it('reloads when the main side says a draft changed', async () => {
    const fake = await renderLibrary();
    const before = fake.callsTo('drafts.list').length;
    await act(async () => {
      fake.emit('drafts.changed', { id: A, revision: 3, reason: 'saved' });
    });
    expect(fake.callsTo('drafts.list').length).toBe(before + 1);
  });
});
