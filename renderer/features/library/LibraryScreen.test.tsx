import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DraftSummary } from '../../../shared/model/draft';
import type { Template } from '../../../shared/model/templates';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { LibraryScreen } from './LibraryScreen';

const A = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
const B = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';

const C = '2b3c4d5e-6f7a-4b1c-8d2e-4f5a6b7c8d9e';
const created = new Date(Date.now() - 86_400_000).toISOString();

const drafts: DraftSummary[] = [
  { id: A, headline: 'Council approves budget', wordCount: 412, createdAt: created, updatedAt: new Date().toISOString(), published: true, publishedUrl: 'https://news.example/budget', section: 'Politics', byline: ['Ana Ruiz'], state: 'live', status: 'draft' },
  { id: B, headline: '', wordCount: 1, createdAt: created, updatedAt: new Date(Date.now() - 60_000).toISOString(), published: false, section: '', byline: [], state: 'draft', status: 'draft' },
  { id: C, headline: 'Derby ends level', wordCount: 800, createdAt: new Date().toISOString(), updatedAt: new Date(Date.now() - 120_000).toISOString(), published: true, section: 'Sport', byline: ['Bo Li'], state: 'scheduled', status: 'draft' },
];

const templates: Template[] = [
  { id: 'builtin-breaking-news', name: 'Breaking news', builtIn: true, article: { section: 'News', tags: ['Breaking'] } },
  { id: 'mine', name: 'Court report', builtIn: false, article: { section: 'Courts' } },
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
    'drafts.duplicate': () => ok({ id: C }),
    'templates.list': () => ok({ templates }),
  });
  render(<LibraryScreen onOpen={onOpen} onOpenSettings={() => {}} />);
  await act(async () => {});
  return bridge;
}

describe('LibraryScreen', () => {
  it('lists drafts with headline, word count, last save and published address', async () => {
    await renderLibrary();
    const rows = within(screen.getByRole('list', { name: 'Drafts' })).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('Council approves budget');
    expect(rows[0]!.textContent).toContain('412 words');
    expect(rows[0]!.textContent).toMatch(/Saved today \d\d:\d\d/);
    expect(rows[0]!.textContent).toContain('Published');
    expect(rows[0]!.textContent).toContain('https://news.example/budget');
    expect(rows[0]!.textContent).toContain('Politics · Ana Ruiz · ');
    expect(rows[2]!.textContent).toContain('Scheduled');
    expect(rows[2]!.textContent).not.toContain('Published');
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

  it('filters by status and section, counting what each status would show, and sorts', async () => {
    await renderLibrary();
    const list = () => within(screen.getByRole('list', { name: 'Drafts' })).getAllByRole('listitem').map((row) => within(row).getAllByRole('button')[0]!.textContent);
    const count = () => within(screen.getByRole('group', { name: 'Filter and sort drafts' })).getByRole('status').textContent;
    const status = screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement;
    expect([...status.options].map((option) => option.textContent)).toEqual(['All (3)', 'Drafts (1)', 'Live (1)', 'Scheduled (1)', 'Unpublished (0)']);
    expect(count()).toBe('Showing 3 of 3 drafts');

    fireEvent.change(screen.getByRole('combobox', { name: 'Section' }), { target: { value: 'Sport' } });
    expect(list()).toEqual(['Derby ends level']);
    expect([...status.options].map((option) => option.textContent)).toEqual(['All (1)', 'Drafts (0)', 'Live (0)', 'Scheduled (1)', 'Unpublished (0)']);
    expect(count()).toBe('Showing 1 of 3 drafts');

    fireEvent.change(status, { target: { value: 'live' } });
    expect(screen.queryByRole('list', { name: 'Drafts' })).toBeNull();
    expect(screen.getByText('No drafts match these filters.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(list()).toEqual(['Council approves budget', 'Untitled draft', 'Derby ends level']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'longest' } });
    expect(list()).toEqual(['Derby ends level', 'Council approves budget', 'Untitled draft']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Author' }), { target: { value: 'Ana Ruiz' } });
    expect(list()).toEqual(['Council approves budget']);
    fireEvent.change(screen.getByLabelText('Edited from'), { target: { value: '2999-01-01' } });
    expect(count()).toBe('Showing 0 of 3 drafts');
  });

  it('duplicates a draft without opening anything, and says so when the copy fails', async () => {
    const onOpen = vi.fn();
    const fake = await renderLibrary(onOpen);
    const row = within(screen.getByRole('list', { name: 'Drafts' })).getAllByRole('listitem')[0]!;
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: 'Duplicate' }));
    });
    expect(fake.callsTo('drafts.duplicate')).toEqual([{ id: A }]);
    expect(onOpen).not.toHaveBeenCalled();
    expect(within(row).queryByRole('alert')).toBeNull();

    cleanup();
    fake.uninstall();
    bridge = installFakeBridge({
      'drafts.list': () => ok({ drafts, problems: [] }),
      'templates.list': () => ok({ templates }),
      'drafts.duplicate': () => ({ ok: false, error: { code: 'DISK_FULL', message: 'The draft was not created: the disk is full.' } }),
    });
    render(<LibraryScreen onOpen={onOpen} onOpenSettings={() => {}} />);
    await act(async () => {});
    const again = within(screen.getByRole('list', { name: 'Drafts' })).getAllByRole('listitem')[0]!;
    await act(async () => {
      fireEvent.click(within(again).getByRole('button', { name: 'Duplicate' }));
    });
    expect(within(again).getByRole('alert').textContent).toBe('The draft was not created: the disk is full.');
  });

  it('starts a draft from a template with its fields and opens it', async () => {
    const onOpen = vi.fn();
    const fake = await renderLibrary(onOpen);
    const picker = screen.getByRole('combobox', { name: 'New from template' }) as HTMLSelectElement;
    expect([...picker.options].map((option) => option.textContent)).toEqual(['From template…', 'Breaking news', 'Court report']);
    await act(async () => {
      fireEvent.change(picker, { target: { value: 'builtin-breaking-news' } });
    });
    expect(fake.callsTo('drafts.create')).toEqual([{ article: { section: 'News', tags: ['Breaking'] } }]);
    expect(onOpen).toHaveBeenCalledWith(B);
  });
});
