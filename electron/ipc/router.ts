import { z } from 'zod';
import { isMethodName, type MethodName } from '../../shared/ipc/channels';
import { contract, type MethodOutput, type ParsedInput } from '../../shared/ipc/contract';
import { AppFailure, fail, ok, type Result } from '../../shared/ipc/result';
import { silentLogger, type Logger } from '../core/ports';

/** One handler per contract method; it gets parsed input and may throw `AppFailure`. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> };

export interface Router {
  handle(method: unknown, rawInput: unknown): Promise<Result<unknown>>;
}

/**
 * Pure dispatch: name check, input parse, call, output parse. Nothing throws across this
 * function: every failure becomes `{ ok: false, error }` with a stable code, because a rejected
 * Electron invoke carries only a message string.
 */
export function createRouter(handlers: Handlers, logger: Logger = silentLogger): Router {
  return {
    async handle(method, rawInput) {
      if (!isMethodName(method)) {
        return fail('UNKNOWN_METHOD', `Unknown request: ${describe(method)}.`);
      }
      const spec = contract[method];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        return fail('INVALID_INPUT', `Invalid request for ${method}: ${z.prettifyError(parsed.error)}`);
      }
      try {
        const handler = handlers[method] as (input: unknown) => Promise<unknown>;
        const value = await handler(parsed.data);
        // Parsing the output catches drift between a service and the contract before the page does.
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          logger.error('service output broke the contract', { method, issues: checked.error.issues });
          return fail('INTERNAL', 'Something went wrong inside Newsroom. Your work is safe; please try again.');
        }
        return ok(checked.data);
      } catch (error) {
        if (error instanceof AppFailure) return fail(error.code, error.message);
        logger.error('unexpected failure', { method, error: String(error) });
        return fail('INTERNAL', 'Something went wrong inside Newsroom. Your work is safe; please try again.');
      }
    },
  };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 60));
  return typeof value;
}
