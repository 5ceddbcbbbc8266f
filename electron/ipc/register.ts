import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { EventName } from '../../shared/ipc/channels';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/ipc/result';
import { APP_ORIGIN } from '../core/app-files';
import { silentLogger, type Logger } from '../core/ports';
import type { Router } from './router';
import { isTrustedSender } from './sender';

/**
 * The only `ipcMain.handle` in the code base (lint enforces it). Every call is checked first:
 * the sender must be the main frame of our own page (VS Code's validated ipcMain); then the pure
 * router parses the input and calls the service. The reply is always a Result, never a throw,
 * because a rejected invoke carries only a message string across.
 */
export interface RegisterOptions {
  /** Our origin, plus the dev server's in an unpackaged dev run. */
  origins?: readonly string[];
  logger?: Logger;
}

export function registerIpc(router: Router, options: RegisterOptions = {}): () => void {
  const origins = options.origins ?? [APP_ORIGIN];
  const logger = options.logger ?? silentLogger;

  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(senderFrameOf(event), origins)) {
      logger.warn('refused an IPC call from a frame that is not ours', { method: String(method).slice(0, 60) });
      return fail('FORBIDDEN', 'This page may not talk to Newsroom.');
    }
    try {
      return await router.handle(method, input);
    } catch (error) {
      // The router promises never to throw; this is the last net, not a code path.
      logger.error('router threw', { error: String(error) });
      return fail('INTERNAL', 'Something went wrong inside Newsroom. Your work is safe; please try again.');
    }
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Electron's getter may throw for a frame that is already gone: treat that as "no frame". */
function senderFrameOf(event: IpcMainInvokeEvent): IpcMainInvokeEvent['senderFrame'] {
  try {
    return event.senderFrame;
  } catch {
    return null;
  }
}

/**
 * Tells every window something happened (the core's `EmitEvent` port). Payloads name drafts and
 * revisions, never secrets; navigation guards keep every window on our own origin.
 */
export function broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
    window.webContents.send(EVENT_CHANNEL, event, payload);
  }
}
