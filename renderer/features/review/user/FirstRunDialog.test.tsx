import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fail } from '../../../../shared/ipc/result';
import { installFakeBridge, ok } from '../../../test-support/fake-bridge';
import { CurrentUserProvider } from '../current-user';
import { FirstRunDialog } from './FirstRunDialog';

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

const renderDialog = async () => {
  render(
    <CurrentUserProvider>
      <FirstRunDialog />
    </CurrentUserProvider>,
  );
  await act(async () => {});
};

describe('FirstRunDialog', () => {
  it('asks a new install for a name, suggests the initials, saves and goes away', async () => {
    bridge = installFakeBridge({
      'settings.getUser': () => ok({ user: null, installId: 'install-1' }),
      'settings.saveUser': (input) => ok(input),
    });
    await renderDialog();
    const dialog = screen.getByRole('dialog', { name: 'Welcome to Newsroom' });
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Ana Ruiz' } });
    expect((screen.getByLabelText('Initials') as HTMLInputElement).value).toBe('AR');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start writing' }));
    });
    expect(bridge.callsTo('settings.saveUser')).toEqual([{ name: 'Ana Ruiz', initials: 'AR' }]);
    expect(dialog.isConnected).toBe(false);
  });

  it('says what is wrong with a name it cannot take, and saves nothing', async () => {
    bridge = installFakeBridge({ 'settings.getUser': () => ok({ user: null, installId: 'install-1' }) });
    await renderDialog();
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Ana' } });
    fireEvent.change(screen.getByLabelText('Initials'), { target: { value: 'A R' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start writing' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('Initials are letters (and digits) only.');
    expect(bridge.callsTo('settings.saveUser')).toEqual([]);
  });

  it('does not ask someone who has a name, nor when the settings could not be read', async () => {
    bridge = installFakeBridge({ 'settings.getUser': () => ok({ user: { name: 'Ana Ruiz', initials: 'AR' }, installId: 'install-1' }) });
    await renderDialog();
    expect(screen.queryByRole('dialog')).toBeNull();
    cleanup();
    bridge.uninstall();
    bridge = installFakeBridge({ 'settings.getUser': () => fail('INTERNAL', 'Settings could not be read.') });
    await renderDialog();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
