import { shell } from 'electron';
import { silentLogger, type Logger } from '../core/ports';
import { externalUrl } from './url-policy';

/**
 * The one place that hands a URL to the operating system. `shell.openExternal` on an untrusted
 * string can start any registered handler (`file:`, `smb:`, `ms-msdt:` …), so only what
 * `externalUrl` accepts (plain http(s), no credentials) leaves the app, in its normalised form.
 * Returns whether the URL was opened; a refusal is logged without the URL's query or fragment.
 */
export async function openExternalSafe(raw: unknown, logger: Logger = silentLogger): Promise<boolean> {
  const url = externalUrl(raw);
  if (url === null) {
    logger.warn('refused to open a link outside the app', { scheme: schemeOf(raw) });
    return false;
  }
  try {
    await shell.openExternal(url, { activate: true });
    return true;
  } catch (error) {
    logger.warn('the system could not open a link', { error: String(error) });
    return false;
  }
}

function schemeOf(raw: unknown): string {
  if (typeof raw !== 'string') return typeof raw;
  const match = /^([a-z][a-z0-9+.-]{0,30}):/i.exec(raw);
  return match?.[1]?.toLowerCase() ?? 'none';
}
