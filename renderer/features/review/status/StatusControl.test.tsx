import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fail } from '../../../../shared/ipc/result';
import { newArticle } from '../../../../shared/model/article';
import type { Draft } from '../../../../shared/model/draft';
import type { ReviewRecord } from '../../../../shared/model/review';
import { installFakeBridge, ok } from '../../../test-support/fake-bridge';
import { StatusControl } from './StatusControl';

const ID = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
const by = { name: 'Ana Ruiz', initials: 'AR', at: '2026-03-02T10:42:00.000Z' };
const draftWith = (review: ReviewRecord): Draft => ({
  id: ID,
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:30:00.000Z',
  revision: 1,
  article: newArticle({ headline: 'Budget' }),
  publication: {},
  review,
});
const props = (draft: Draft) => ({ draft, editor: null, fields: newArticle(), update: () => {}, readArticle: () => draft.article, flush: async () => true });

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

describe('StatusControl', () => {
  it('offers only the allowed moves, signs the move with the note, and follows the answer', async () => {
    const filed: ReviewRecord = { status: 'filed', trail: [{ from: 'draft', to: 'filed', by, note: 'Ready' }] };
    bridge = installFakeBridge({
      'versions.list': () => ok({ versions: [] }),
      'review.setStatus': () => ok(filed),
      'drafts.open': () => ok(draftWith(filed)),
    });
    render(<StatusControl {...props(draftWith({ status: 'draft', trail: [] }))} />);
    await act(async () => {});
    expect(screen.getByRole('group', { name: 'Desk status' }).textContent).toContain('Status: Draft');
    fireEvent.click(screen.getByRole('button', { name: 'Change status' }));
    const moves = screen.getByRole('group', { name: 'Move the story' });
    expect([...moves.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Move to Filed', 'Move to Spiked']);
    fireEvent.change(screen.getByLabelText('Note for the sign-off (optional)'), { target: { value: 'Ready' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Move to Filed' }));
    });
    expect(bridge.callsTo('review.setStatus')).toEqual([{ draftId: ID, to: 'filed', note: 'Ready' }]);
    expect(screen.getByRole('group', { name: 'Desk status' }).textContent).toContain('Status: Filed');
    fireEvent.click(screen.getByRole('button', { name: 'Sign-offs (1)' }));
    expect(screen.getByRole('list', { name: 'Sign-offs' }).textContent).toMatch(/^Filed by Ana Ruiz, .+ — Ready$/);
  });

  it('shows a refusal in plain words, and the status stays', async () => {
    bridge = installFakeBridge({
      'versions.list': () => ok({ versions: [] }),
      'review.setStatus': () => fail('NOT_ALLOWED', 'Set your name first: every status change is signed.'),
    });
    render(<StatusControl {...props(draftWith({ status: 'draft', trail: [] }))} />);
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: 'Change status' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Move to Filed' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('Set your name first: every status change is signed.');
    expect(screen.getByRole('group', { name: 'Desk status' }).textContent).toContain('Status: Draft');
  });

  it('offers "Changes since filed" only when a Filed version exists, and follows status events', async () => {
    const inEdit: ReviewRecord = { status: 'in-edit', trail: [{ from: 'draft', to: 'filed', by }, { from: 'filed', to: 'in-edit', by }] };
    const filedVersion = { id: '11111111-1111-4111-8111-111111111111', draftId: ID, revision: 1, savedAt: by.at, kind: 'filed' as const, name: 'Filed', headline: 'Budget', wordCount: 3 };
    bridge = installFakeBridge({
      'versions.list': () => ok({ versions: [filedVersion] }),
      'drafts.open': () => ok(draftWith(inEdit)),
    });
    render(<StatusControl {...props(draftWith({ status: 'filed', trail: [] }))} />);
    await act(async () => {});
    expect(screen.getByRole('button', { name: 'Changes since filed' })).toBeTruthy();
    await act(async () => {
      bridge?.emit('drafts.changed', { id: ID, revision: 1, reason: 'status' });
    });
    expect(screen.getByRole('group', { name: 'Desk status' }).textContent).toContain('Status: In edit');
  });
});
