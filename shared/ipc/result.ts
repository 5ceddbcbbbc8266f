/**
 * Errors cross the IPC boundary as data: Electron only carries a message across a rejected
 * invoke, so every reply is a Result with a stable, machine-readable code.
 */
export const ERROR_CODES = [
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'DRAFT_CORRUPT',
  'DISK_FULL',
  'READ_ONLY',
  'IO_ERROR',
  'NOT_CONFIGURED',
  'AUTH_FAILED',
  'FORBIDDEN',
  'UNREACHABLE',
  'TIMEOUT',
  'BAD_RESPONSE',
  'CMS_ERROR',
  /** The story fails the house rules (required fields, budgets): the message lists what. */
  'NOT_READY',
  /** The post was changed on the CMS since Newsroom last sent it: not overwritten. */
  'CONFLICT',
  /** The site's certificate could not be trusted (expired, self-signed, wrong name). */
  'TLS_ERROR',
  /** A status move the workflow does not allow (Draft straight to Published), or no user set yet. */
  'NOT_ALLOWED',
  /** Someone else holds this draft in the shared drafts folder (the hand-off). */
  'HELD',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** A sentence a journalist can read. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Thrown by services; the router turns it into `{ ok: false, error }`. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppFailure';
  }
}
