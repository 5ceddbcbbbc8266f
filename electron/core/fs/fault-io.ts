import { type FileIo, nodeFileIo } from './file-io';

/**
 * Test doubles for the writer's I/O. Kept next to `FileIo` so later fault tests (power-loss
 * model, D3) reuse them. Not imported by app code.
 */

/** An fs-style error with an errno code, as Node throws them. */
export function errno(code: string, syscall = 'write'): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated failure, ${syscall}`);
  error.code = code;
  error.syscall = syscall;
  return error;
}

/** The real I/O with some operations replaced. */
export const withFaults = (overrides: Partial<FileIo>, base: FileIo = nodeFileIo): FileIo => ({ ...base, ...overrides });

export interface IoCall {
  op: keyof FileIo;
  args: unknown[];
}

/** The real I/O (or `base`), recording every call in order before making it. */
export function recordingIo(calls: IoCall[], base: FileIo = nodeFileIo): FileIo {
  const record =
    <K extends keyof FileIo>(op: K) =>
    (...args: unknown[]): Promise<never> => {
      calls.push({ op, args: op === 'write' ? [args[0], '<bytes>'] : args });
      return (base[op] as (...a: unknown[]) => Promise<never>)(...args);
    };
  return {
    open: record('open'),
    write: record('write'),
    fsync: record('fsync'),
    close: record('close'),
    rename: record('rename'),
    unlink: record('unlink'),
    fsyncDir: record('fsyncDir'),
  };
}
