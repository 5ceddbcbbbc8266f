import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { DraftsFolderSection } from './DraftsFolderSection';

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

const click = (name: string) => act(async () => void fireEvent.click(screen.getByRole('button', { name })));

describe('DraftsFolderSection', () => {
  it('shows where drafts are, takes the picked folder for the next start, and says when it cannot restart by itself', async () => {
    let next: string | undefined;
    bridge = installFakeBridge({
      'settings.getDraftsFolder': () => ok({ folder: '/data', isDefault: true }),
      'app.pickFolder': () => ok({ folder: '/home/me/Shared drafts' }),
      'settings.setDraftsFolder': (input) => {
        next = (input as { folder: string }).folder;
        return ok({ folder: '/data', isDefault: true, next });
      },
      'app.restart': () => ({ ok: false, error: { code: 'NOT_CONFIGURED', message: 'Newsroom cannot restart itself here. Restart Newsroom to use it.' } }),
    });
    render(<DraftsFolderSection />);
    await act(async () => {});
    expect(screen.getByText(/Drafts are kept in/).textContent).toBe('Drafts are kept in /data (the default folder).');
    expect(screen.queryByRole('button', { name: 'Restart now' })).toBeNull();

    await click('Choose folder…');
    expect(bridge.callsTo('settings.setDraftsFolder')).toEqual([{ folder: '/home/me/Shared drafts' }]);
    expect(screen.getByText('Newsroom will use /home/me/Shared drafts after it restarts.')).toBeTruthy();

    await click('Restart now');
    expect(screen.getByRole('alert').textContent).toBe('Newsroom cannot restart itself here. Restart Newsroom to use it.');
  });

  it('says in plain words why a typed folder was refused, and changes nothing', async () => {
    bridge = installFakeBridge({
      'settings.getDraftsFolder': () => ok({ folder: '/data', isDefault: true }),
      'settings.setDraftsFolder': () => ({ ok: false, error: { code: 'INVALID_INPUT', message: 'There is no folder at /nowhere.' } }),
    });
    render(<DraftsFolderSection />);
    await act(async () => {});
    await click('Use this folder');
    expect(screen.getByRole('alert').textContent).toBe('Type the path of the folder first.');
    expect(bridge.callsTo('settings.setDraftsFolder')).toEqual([]);

    fireEvent.change(screen.getByLabelText('Folder path'), { target: { value: '/nowhere' } });
    await click('Use this folder');
    expect(bridge.callsTo('settings.setDraftsFolder')).toEqual([{ folder: '/nowhere' }]);
    expect(screen.getByRole('alert').textContent).toBe('There is no folder at /nowhere.');
    expect(screen.queryByText(/after it restarts/)).toBeNull();
  });
});
