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
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
  /** Names the site in error messages: "the WordPress site at …". */
  siteLabel: string;
}

const MAX_BODY_CHARS = 20 * 1024 * 1024;

export async function sendRequest(fetchImpl: FetchLike, request: HttpRequest): Promise<HttpReply> {
  const headers: Record<string, string> = { ...request.headers };
  const init: RequestInit = { method: request.method, headers, signal: AbortSignal.timeout(request.timeoutMs), redirect: 'follow' };
  if (request.body !== undefined) {
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
  return { status: response.status, contentType, text, json: parseJson(text, contentType) };
}

function parseJson(text: string, contentType: string): unknown {
  if (!/json/i.test(contentType) && !/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function transportFailure(error: unknown, request: HttpRequest): AppFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new AppFailure(
      'TIMEOUT',
      `${capitalise(request.siteLabel)} did not answer within ${formatSeconds(request.timeoutMs)}. It may be slow or down; try again later.`,
      { cause: error },
    );
  }
  const code = causeCode(error);
  if (code && /CERT|SSL|TLS|SELF_SIGNED/i.test(code)) {
    return new AppFailure('UNREACHABLE', `The secure connection to ${request.siteLabel} failed (${code}). Check the address.`, { cause: error });
  }
  return new AppFailure(
    'UNREACHABLE',
    `Could not reach ${request.siteLabel}${code ? ` (${code})` : ''}. Check the address and your connection.`,
    { cause: error },
  );
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
