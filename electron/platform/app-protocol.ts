import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, appResponseHeaders, resolveAppFile } from '../core/app-files';
import { silentLogger, type Logger } from '../core/ports';
import { isAppUrl } from './url-policy';

/**
 * `app://newsroom/` serves the built renderer (`dist/`) instead of `file://`: the page gets a real
 * origin (so the IPC sender check and navigation guards have something to compare), a CSP header,
 * and no file-system reach beyond the folder. The file mapping and headers are the pure, tested
 * `core/app-files.ts`; this file only plugs them into Electron.
 */

/**
 * Must run before `app` is ready. `standard` gives relative URLs and an origin, `secure` makes it
 * count like https, `supportFetchAPI` lets the page fetch its own assets. Deliberately not
 * `corsEnabled` (other origins cannot read our files) and not `bypassCSP`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Call once `app` is ready. */
export function serveAppFiles(rootDir: string, logger: Logger = silentLogger): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(rootDir, request, logger));
}

const ERROR_HEADERS = appResponseHeaders('error.txt');

export async function respondToAppRequest(rootDir: string, request: Request, logger: Logger = silentLogger): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { ...ERROR_HEADERS, Allow: 'GET, HEAD' } });
  }
  // Another host under our scheme (`app://other/`) is not ours to serve.
  const file = isAppUrl(request.url) ? resolveAppFile(rootDir, request.url) : null;
  if (file === null) {
    logger.warn('app:// request refused or not found', { path: safePath(request.url) });
    return new Response('Not found', { status: 404, headers: ERROR_HEADERS });
  }
  try {
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, { status: 200, headers: appResponseHeaders(file) });
  } catch (error) {
    logger.warn('app:// file could not be read', { error: String(error) });
    return new Response('Not found', { status: 404, headers: ERROR_HEADERS });
  }
}

/** For the log: the path only, shortened; never a query string. */
function safePath(url: string): string {
  try {
    return new URL(url).pathname.slice(0, 200);
  } catch {
    return '(malformed)';
  }
}
