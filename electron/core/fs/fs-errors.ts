import { AppFailure } from '../../../shared/ipc/result';

/** The errno code of a Node fs error, or undefined for anything else. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export const isNotFound = (error: unknown): boolean => errnoCode(error) === 'ENOENT';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);

/** What was being done, so the sentence fits: only a save has text still waiting in the editor. */
export type FsAction = 'save' | 'create' | 'read' | 'trash' | 'restore' | 'purge' | 'open';

const PREFIX: Record<FsAction, string> = {
  save: 'Not saved',
  create: 'The draft was not created',
  read: 'The draft could not be read',
  trash: 'The draft was not moved to the trash',
  restore: 'The draft was not restored',
  purge: 'The spiked draft was not deleted',
  open: 'Newsroom could not open the drafts',
};

const SUFFIX: Record<FsAction, string> = {
  save: ' Your text is still in the editor.',
  create: '',
  read: '',
  trash: '',
  restore: '',
  purge: '',
  open: '',
};

/**
 * Turns a Node fs error into an AppFailure with a stable code and a sentence a journalist can
 * act on. An AppFailure passes through unchanged. The original error stays as `cause` for logs.
 */
export function toAppFailure(error: unknown, action: FsAction = 'save'): AppFailure {
  if (error instanceof AppFailure) return error;
  const code = errnoCode(error);
  const prefix = PREFIX[action];
  const suffix = SUFFIX[action];
  if (code !== undefined && DISK_FULL.has(code)) {
    return new AppFailure('DISK_FULL', `${prefix}: the disk is full.${suffix}`, { cause: error });
  }
  if (code !== undefined && READ_ONLY.has(code)) {
    return new AppFailure(
      'READ_ONLY',
      `${prefix}: the drafts folder is read-only, or another program is holding the file.${suffix}`,
      { cause: error },
    );
  }
  const detail = code === undefined ? '' : ` (${code})`;
  return new AppFailure('IO_ERROR', `${prefix}: the disk reported an error${detail}.${suffix}`, { cause: error });
}
