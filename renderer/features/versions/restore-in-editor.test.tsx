import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { body, paragraph, text } from '../../../shared/editor/article-fixture';
import { newArticle } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import { DEFAULT_HOUSE_PROFILE } from '../../../shared/model/house-profile';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { EditorScreen } from '../editor/EditorScreen';

const ID = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
const VERSION = '11111111-1111-4111-8111-111111111111';
const opened: Draft = {
  id: ID,
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:30:00.000Z',
  revision: 3,
  article: newArticle({ headline: 'Council passes budget', body: body(paragraph(text('The city council met late today.'))) }),
  publication: {}, review: { status: 'draft', trail: [] },
};
const restored: Draft = {
  ...opened,
  revision: 4,
  updatedAt: '2026-11-28T09:40:00.000Z',
  article: newArticle({ headline: 'Council budget', body: body(paragraph(text('The council met today.'))) }),
};

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

describe('restoring from the editor', () => {
  it('shows the restored headline and body in the editor, which saves from the restored text on', async () => {
    bridge = installFakeBridge({
      'drafts.open': () => ok(opened),
      'settings.getHouseProfile': () => ok(DEFAULT_HOUSE_PROFILE),
      'profiles.list': () => ok({ profiles: [], defaultProfileId: null }),
      'outbox.list': () => ok({ jobs: [], problems: [], stoppedProfiles: [] }),
      'versions.list': () =>
        ok({
          versions: [
            { id: VERSION, draftId: ID, revision: 1, savedAt: '2026-11-28T09:10:00.000Z', kind: 'named', name: 'First take', headline: 'Council budget', wordCount: 4 },
          ],
        }),
      'versions.restore': () => ok(restored),
      'drafts.save': () => ok({ revision: 5, savedAt: new Date().toISOString(), wordCount: 4 }),
    });
    render(<EditorScreen draftId={ID} onBack={() => {}} onOpenSettings={() => {}} />);
    await act(async () => {});
    expect((screen.getByLabelText('Headline') as HTMLTextAreaElement).value).toBe('Council passes budget');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'History' })));
    const dialog = screen.getByRole('dialog', { name: 'Versions' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore this version' }));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Restore' })));

    expect(screen.queryByRole('dialog', { name: 'Versions' })).toBeNull();
    expect((screen.getByLabelText('Headline') as HTMLTextAreaElement).value).toBe('Council budget');
    expect(screen.getByRole('textbox', { name: 'Article body' }).textContent).toBe('The council met today.');

    // The next save starts from the restored text, not from what was on screen before.
    fireEvent.change(screen.getByLabelText('Headline'), { target: { value: 'Council budget agreed' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Back to drafts' })));
    const saves = bridge.callsTo('drafts.save') as Array<{ article: { headline: string; body: unknown } }>;
    expect(saves.at(-1)?.article.headline).toBe('Council budget agreed');
    expect(JSON.stringify(saves.at(-1)?.article.body)).toContain('The council met today.');
    expect(JSON.stringify(saves.at(-1)?.article.body)).not.toContain('late');
  });
});
