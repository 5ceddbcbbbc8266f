import { APP_ORIGIN } from '../core/app-files';
import { originOf } from '../platform/url-policy';

/** What we read from Electron's `WebFrameMain`: enough to test without the binary. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * Is this IPC message from our own page? Only the main frame of a window showing our origin may
 * call the main process (VS Code's rule): a sub-frame, `about:blank`, a `file:` page or a frame
 * that navigated away is refused, and so is a missing frame (Electron gives `null` once the frame
 * is gone). The Vite dev server's origin counts only when main passes it explicitly.
 */
export function isTrustedSender(
  frame: FrameLike | null | undefined,
  appOrigin: string | readonly string[] = APP_ORIGIN,
): boolean {
  if (frame === null || typeof frame !== 'object') return false;
  let url: unknown;
  let parent: unknown;
  try {
    ({ url, parent } = frame); // a destroyed WebFrameMain throws on property access
  } catch {
    return false;
  }
  if (parent !== null) return false;
  const origin = originOf(url);
  if (origin === null) return false;
  const allowed: readonly string[] = typeof appOrigin === 'string' ? [appOrigin] : appOrigin;
  return allowed.some((candidate) => originOf(`${candidate}/`) === origin);
}
