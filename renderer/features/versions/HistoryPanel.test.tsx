import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { body, paragraph, text } from '../../../shared/editor/article-fixture';
import { newArticle, type Article } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import type { VersionMeta } from '../../../shared/model/versions';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { HistoryPanel } from './HistoryPanel';

const DRAFT = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
const OTHER = '9f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
const V1 = '11111111-1111-4111-8111-111111111111';
const V2 = '22222222-2222-4222-8222-222222222222';
const V3 = '33333333-3333-4333-8333-333333333333';

const meta = (id: string, savedAt: string, patch: Partial<VersionMeta> = {}): VersionMeta => ({
  id,
  draftId: DRAFT,
  revision: 1,
  savedAt,
  kind: 'auto',
  headline: 'Council budget',
  wordCount: 3,
  ...patch,
});
const story = (headline: string, words: string): Article => newArticle({ headline, body: body(paragraph(text(words))) });

const OLD = meta(V1, '2026-11-28T10:00:00Z', { kind: 'filed', name: 'Filed', wordCount: 4 });
const NEW = meta(V2, '2026-11-28T11:00:00Z', { headline: 'Council passes budget', wordCount: 6 });
const ARTICLES: Record<string, Article> = {
  [V1]: story('Council budget', 'The council met today.'),
  [V2]: story('Council passes budget', 'The city council met late today.'),
};

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

/** A bridge with two versions; `log` records flushes and calls in order, to prove flush comes first. */
function setup(options: { flushes?: boolean; restore?: 'ok' | 'fail' } = {}) {
  const log: string[] = [];
  let versions = [OLD, NEW];
  const restored: Draft = { id: DRAFT, createdAt: OLD.savedAt, updatedAt: NEW.savedAt, revision: 9, article: ARTICLES[V1]!, publication: {}, review: { status: 'draft', trail: [] } };
  bridge = installFakeBridge({
    'versions.list': () => ok({ versions }),
    'versions.open': (input) => {
      const { versionId } = input as { versionId: string };
      const version = versions.find((v) => v.id === versionId)!;
      return ok({ ...version, article: ARTICLES[versionId]! });
    },
    'versions.name': (input) => {
      const { name } = input as { name: string };
      log.push(`name ${name}`);
      const named = meta(crypto.randomUUID(), '2026-11-28T12:00:00Z', { kind: name === 'Filed' ? 'filed' : 'named', name });
      versions = [named, ...versions];
      return ok(named);
    },
    'versions.restore': (input) => {
      log.push(`restore ${(input as { versionId: string }).versionId}`);
      return options.restore === 'fail'
        ? { ok: false, error: { code: 'IO_ERROR', message: 'The disk is full.' } }
        : ok(restored);
    },
  });
  const flush = vi.fn(async () => {
    log.push('flush');
    return options.flushes ?? true;
  });
  const onRestored = vi.fn();
  const current = story('Council passes budget', 'The city council met late today and voted.');
  render(<HistoryPanel draftId={DRAFT} flush={flush} readArticle={() => current} onRestored={onRestored} />);
  return { log, flush, onRestored, restored, setVersions: (next: VersionMeta[]) => (versions = next) };
}

async function openHistory() {
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'History' })));
  return screen.getByRole('dialog', { name: 'Versions' });
}
const rows = (dialog: HTMLElement) => within(within(dialog).getByRole('list', { name: 'Saved versions' })).getAllByRole('listitem');

describe('HistoryPanel', () => {
  it('lists the versions newest first with their name, headline and words, and follows changes to this draft', async () => {
    const { setVersions } = setup();
    const dialog = await openHistory();
    const [first, second] = rows(dialog);
    expect(first?.textContent).toContain('Autosaved');
    expect(first?.textContent).toContain('Council passes budget');
    expect(first?.textContent).toContain('6 words');
    expect(second?.textContent).toContain('Filed');
    expect(second?.textContent).toContain('4 words');

    setVersions([meta(V3, '2026-11-28T12:00:00Z', { kind: 'published', name: 'Published to Daily site' }), NEW, OLD]);
    await act(async () => bridge?.emit('drafts.changed', { id: OTHER, revision: 3, reason: 'saved' }));
    expect(rows(dialog)).toHaveLength(2);
    await act(async () => bridge?.emit('drafts.changed', { id: DRAFT, revision: 3, reason: 'published' }));
    expect(rows(dialog)).toHaveLength(3);
    expect(rows(dialog)[0]?.textContent).toContain('Published to Daily site');
  });

  it('names the saved text after flushing the editor, and marks it as filed', async () => {
    const { log } = setup();
    const dialog = await openHistory();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Name this version' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Version name' }), { target: { value: '  Before legal  ' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Save name' })));
    expect(log).toEqual(['flush', 'name Before legal']);
    expect(within(dialog).getByRole('status').textContent).toContain('Kept as “Before legal”');
    expect(rows(dialog)[0]?.textContent).toContain('Before legal');

    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as filed' })));
    expect(log).toEqual(['flush', 'name Before legal', 'flush', 'name Filed']);
  });

  it('refuses an empty name, and names nothing when the pending edits could not be saved', async () => {
    const { log } = setup({ flushes: false });
    const dialog = await openHistory();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Name this version' }));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Save name' })));
    expect(within(dialog).getByRole('alert').textContent).toBe('Give the version a name.');
    expect(log).toEqual([]);

    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' })));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as filed' })));
    expect(log).toEqual(['flush']);
    expect(within(dialog).getByRole('alert').textContent).toContain('could not be saved');
  });

  it('compares two versions: the changed fields and the body word by word, older to newer', async () => {
    setup();
    const dialog = await openHistory();
    const compare = within(dialog).getByRole('button', { name: 'Compare' }) as HTMLButtonElement;
    expect(compare.disabled).toBe(true);
    // Ticked newest first on purpose: the older one is still the "before".
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Select Autosaved/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Select Filed/ }));
    await act(async () => fireEvent.click(compare));

    const comparison = screen.getByRole('dialog', { name: 'Compare versions' });
    const fields = within(comparison).getByRole('table', { name: 'Changed fields' });
    const headline = within(fields).getByRole('row', { name: /Headline/ });
    expect(within(headline).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Council budget', 'Council passes budget']);
    expect(within(fields).getAllByRole('row')).toHaveLength(2);
    const diff = within(comparison).getByLabelText('Changes in the body');
    expect([...diff.querySelectorAll('ins')].map((node) => node.textContent?.trim())).toEqual(['city', 'late']);
    expect(diff.querySelectorAll('del')).toHaveLength(0);
  });

  it('compares at most two versions, and says so', async () => {
    const { setVersions } = setup();
    setVersions([meta(V3, '2026-11-28T12:00:00Z'), NEW, OLD]);
    const dialog = await openHistory();
    for (const box of within(dialog).getAllByRole('checkbox')) fireEvent.click(box);
    expect((within(dialog).getByRole('button', { name: 'Compare' }) as HTMLButtonElement).disabled).toBe(true);
    expect(dialog.textContent).toContain('Compare takes two versions at most');
  });

  it('compares one version with the current text in the editor', async () => {
    setup();
    const dialog = await openHistory();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /^Select Autosaved/ }));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Compare' })));
    const comparison = screen.getByRole('dialog', { name: 'Compare versions' });
    expect(comparison.textContent).toContain('The current draft');
    expect(within(comparison).getByText('No story field changed.')).toBeTruthy();
    const inserted = [...within(comparison).getByLabelText('Changes in the body').querySelectorAll('ins')].map((n) => n.textContent);
    expect(inserted.join('')).toContain('voted');
  });

  it('restores a version after a confirmation, saving pending edits first, and hands over the restored draft', async () => {
    const { log, onRestored, restored } = setup();
    const dialog = await openHistory();
    const filed = rows(dialog)[1]!;
    fireEvent.click(within(filed).getByRole('button', { name: 'Restore this version' }));
    const confirm = within(dialog).getByRole('group', { name: 'Restore this version?' });
    expect(confirm.textContent).toContain('The current text is kept as a version');
    expect(log).toEqual([]);
    await act(async () => fireEvent.click(within(confirm).getByRole('button', { name: 'Restore' })));
    expect(log).toEqual(['flush', `restore ${V1}`]);
    expect(onRestored).toHaveBeenCalledWith(restored);
  });

  it('says why a restore failed and keeps the editor as it is', async () => {
    const { onRestored } = setup({ restore: 'fail' });
    const dialog = await openHistory();
    fireEvent.click(within(rows(dialog)[0]!).getByRole('button', { name: 'Restore this version' }));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' })));
    expect(within(dialog).getByRole('alert').textContent).toBe('The disk is full.');
    expect(onRestored).not.toHaveBeenCalled();
  });
});
