import { AppFailure } from '../../../shared/ipc/result';
import type { FetchLike } from '../ports';

/**
 * One HTTP exchange with a CMS, with a deadline (Node's fetch would otherwise wait five minutes
 * for headers) and a body that stays `unknown` until the adapter parses it.
 */
export interface HttpReply {
  status: number;
  contentType: string;
  text: string;
  /** Parsed JSON when the body is JSON; `undefined` otherwise. */
  json: unknown;
  /** The raw `Retry-After` header (seconds or an HTTP date), for the outbox's backoff. */
  retryAfter: string | undefined;
}

/**
 * The exchange failed below HTTP. `outcomeUnknown` says whether the request may have reached the
 * server and taken effect (a reset or a time-out after sending), as opposed to certainly not (the
 * connection was refused, the name did not resolve, TLS failed): a create whose outcome is unknown
 * must be reconciled before it is sent again.
 */
export class TransportFailure extends AppFailure {
  constructor(
    code: 'TIMEOUT' | 'UNREACHABLE' | 'TLS_ERROR',
    message: string,
    readonly outcomeUnknown: boolean,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'TransportFailure';
  }
}

/** Errors that mean the request never reached the server. */
const NEVER_SENT = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ERR_INVALID_URL)$|CERT|SSL|TLS|SELF_SIGNED/;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Bytes sent as they are (a media upload) instead of a JSON `body`. */
  rawBody?: { data: Uint8Array; contentType: string };
  timeoutMs: number;
  /** Names the site in error messages: "the WordPress site at …". */
  siteLabel: string;
}

const MAX_BODY_CHARS = 20 * 1024 * 1024;

export async function sendRequest(fetchImpl: FetchLike, request: HttpRequest): Promise<HttpReply> {
  const headers: Record<string, string> = { ...request.headers };
  const init: RequestInit = { method: request.method, headers, signal: AbortSignal.timeout(request.timeoutMs), redirect: 'follow' };
  if (request.rawBody !== undefined) {
    headers['Content-Type'] = request.rawBody.contentType;
    // A copy on a plain ArrayBuffer: fetch's types refuse a view that may sit on shared memory.
    init.body = new Uint8Array(request.rawBody.data);
  } else if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json; charset=utf-8';
    init.body = JSON.stringify(request.body);
  }
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(request.url, init);
    text = await response.text();
  } catch (error) {
    throw transportFailure(error, request);
  }
  if (text.length > MAX_BODY_CHARS) {
    throw new AppFailure('BAD_RESPONSE', `${capitalise(request.siteLabel)} sent an unexpectedly large answer.`);
  }
  const contentType = response.headers.get('content-type') ?? '';
  const retryAfter = response.headers.get('retry-after') ?? undefined;
  return { status: response.status, contentType, text, json: parseJson(text, contentType), retryAfter };
}

function parseJson(text: string, contentType: string): unknown {
  if (!/json/i.test(contentType) && !/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function transportFailure(error: unknown, request: HttpRequest): TransportFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new TransportFailure(
      'TIMEOUT',
      `${capitalise(request.siteLabel)} did not answer within ${formatSeconds(request.timeoutMs)}. It may be slow or down; try again later.`,
      true,
      { cause: error },
    );
  }
  if (isBlockedPort(error)) {
    // fetch refuses the ports browsers block (6000, 6667, …) before connecting: nothing was sent.
    const port = new URL(request.url).port;
    return new TransportFailure(
      'UNREACHABLE',
      `Newsroom cannot connect to ${request.siteLabel}: port ${port} is blocked for safety (as in every browser). Use the address the site is normally reached at.`,
      false,
      { cause: error },
    );
  }
  const code = causeCode(error);
  const outcomeUnknown = code === undefined || !NEVER_SENT.test(code);
  const tls = tlsProblem(code);
  if (tls !== undefined) {
    return new TransportFailure('TLS_ERROR', `The secure connection to ${request.siteLabel} failed: ${tls} (${code}).`, false, { cause: error });
  }
  return new TransportFailure(
    'UNREACHABLE',
    `Could not reach ${request.siteLabel}${code ? ` (${code})` : ''}. Check the address and your connection.`,
    outcomeUnknown,
    { cause: error },
  );
}

/**
 * A certificate or TLS failure in plain words, from Node's error code (the `cause` of fetch's
 * "fetch failed"); undefined when the code is not about TLS. Nothing was sent: the handshake
 * comes before the request. Codes are OpenSSL's verify results as Node names them.
 */
export function tlsProblem(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return 'its certificate has expired; the site’s administrator must renew it';
    case 'CERT_NOT_YET_VALID':
      return 'its certificate is not valid yet; check this computer’s date and time';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'it uses a self-signed certificate this computer does not trust';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return 'its certificate is for another address; check the address in Settings';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'its certificate is not signed by an authority this computer trusts';
    case 'CERT_REVOKED':
      return 'its certificate has been revoked';
    default:
      return /CERT|SSL|TLS|SELF_SIGNED/i.test(code) ? 'the certificate or encryption could not be checked' : undefined;
  }
}

function isBlockedPort(error: unknown): boolean {
  return error instanceof Error && error.cause instanceof Error && error.cause.message === 'bad port';
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

const formatSeconds = (ms: number): string => {
  const seconds = ms / 1000;
  return `${seconds < 10 ? Number(seconds.toFixed(1)) : Math.round(seconds)} second${seconds === 1 ? '' : 's'}`;
};

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The visible text of an HTML error page's heading or title, for a plain-words message. */
export function htmlErrorSummary(html: string): string | undefined {
  const match = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html) ?? /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const text = match?.[1]?.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 160) : undefined;
}
