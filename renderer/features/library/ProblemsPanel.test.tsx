import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newArticle } from '../../../shared/model/article';
import type { DraftProblem } from '../../../shared/model/draft';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { ProblemsPanel } from './ProblemsPanel';

const ID = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
const damaged: DraftProblem = { id: ID, reason: 'The file is not valid JSON', keptAs: `/drafts/${ID}/draft.json.corrupt-1`, recoverable: true };
const lost: DraftProblem = { id: 'other', reason: 'The file is empty', keptAs: '/drafts/other/draft.json.corrupt-2' };

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

const recovered = { id: ID, createdAt: '2026-11-28T10:00:00Z', updatedAt: '2026-11-28T10:00:00Z', revision: 4, article: newArticle({ headline: 'Border talks' }), publication: {} };

describe('ProblemsPanel', () => {
  it('offers recovery only for a draft with a good version, and reloads the list once it is back', async () => {
    bridge = installFakeBridge({ 'drafts.recover': () => ok(recovered) });
    const onRecovered = vi.fn();
    const { rerender } = render(<ProblemsPanel problems={[damaged, lost]} onRecovered={onRecovered} />);
    const buttons = screen.getAllByRole('button', { name: 'Recover from the last good version' });
    expect(buttons).toHaveLength(1);

    await act(async () => fireEvent.click(buttons[0]!));
    expect(bridge.callsTo('drafts.recover')).toEqual([{ id: ID }]);
    expect(onRecovered).toHaveBeenCalledTimes(1);
    // The reloaded list no longer has the problem; the success is still said.
    rerender(<ProblemsPanel problems={[]} onRecovered={onRecovered} />);
    expect(screen.getByRole('status').textContent).toBe('“Border talks” is back, from its last good version. The damaged file stays where it was kept.');
  });

  it('says why a recovery failed, and keeps the problem listed', async () => {
    bridge = installFakeBridge({
      'drafts.recover': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No good version of this draft was found.' } }),
    });
    const onRecovered = vi.fn();
    render(<ProblemsPanel problems={[damaged]} onRecovered={onRecovered} />);
    expect(screen.getByText(/^1 draft could not be opened: The file is not valid JSON\./)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Recover from the last good version' })));
    expect(screen.getByRole('alert').textContent).toBe('No good version of this draft was found.');
    expect(onRecovered).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Recover from the last good version' })).toBeTruthy();
  });
});
