import { AppFailure } from '../../../../shared/ipc/result';
import type { ConnectionVerdict } from '../adapter';
import type { WordPressClient, WordPressCredentials } from './wordpress-client';

type FailedVerdict = Extract<ConnectionVerdict, { ok: false }>;
const VERDICT_CODES: ReadonlySet<string> = new Set<FailedVerdict['code']>(['AUTH_FAILED', 'FORBIDDEN', 'UNREACHABLE', 'TIMEOUT', 'TLS_ERROR', 'BAD_RESPONSE']);

/**
 * "Test connection": one signed-in request (`/wp/v2/users/me?context=edit`) tells every case
 * apart. The client's failures already say what happened in plain words; this picks the verdict.
 * - AUTH_FAILED: WordPress answered 401 (it gives the same 401 for a wrong password and an
 *   unknown user, so the message names both);
 * - FORBIDDEN: signed in, but the account lacks `publish_posts` (a Contributor or Subscriber);
 * - UNREACHABLE / TIMEOUT / TLS_ERROR: from the transport;
 * - BAD_RESPONSE: something answered, but not the WordPress REST API (another web site, an
 *   error page, a 404 for the API route). A 500 also lands here: the site is there but broken.
 */
export async function testWordPressConnection(client: WordPressClient, credentials: WordPressCredentials): Promise<ConnectionVerdict> {
  const problem = configurationProblem(credentials);
  if (problem !== undefined) return { ok: false, code: 'NOT_CONFIGURED', message: problem };
  try {
    const me = await client.whoAmI();
    if (!me.canPublish) {
      return {
        ok: false,
        code: 'FORBIDDEN',
        message: `“${me.name}” can sign in to the WordPress site at ${credentials.siteUrl} but may not publish posts there. Ask its administrator for the Author or Editor role.`,
      };
    }
    return { ok: true, account: me.name, canPublish: true };
  } catch (error) {
    if (!(error instanceof AppFailure)) {
      return { ok: false, code: 'BAD_RESPONSE', message: `Newsroom could not check the WordPress site at ${credentials.siteUrl}.` };
    }
    const code = VERDICT_CODES.has(error.code) ? (error.code as FailedVerdict['code']) : 'BAD_RESPONSE';
    return { ok: false, code, message: error.message };
  }
}

function configurationProblem(credentials: WordPressCredentials): string | undefined {
  let url: URL;
  try {
    url = new URL(credentials.siteUrl);
  } catch {
    return `“${credentials.siteUrl}” is not a web address. Enter the site’s address, for example https://news.example.com.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The site address must start with https:// (or http://).';
  if (credentials.username.trim() === '') return 'Enter the WordPress user name.';
  if (credentials.applicationPassword.trim() === '') return 'Enter an application password (WordPress: Users → Profile → Application Passwords).';
  return undefined;
}
