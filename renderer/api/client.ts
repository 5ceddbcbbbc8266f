import type { EventName, MethodName } from '../../shared/ipc/channels';
import type { EventPayload, MethodInput, MethodOutput } from '../../shared/ipc/contract';
import type { NewsroomBridge } from '../../shared/ipc/bridge';
import type { AppError, Result } from '../../shared/ipc/result';

declare global {
  interface Window {
    newsroom?: NewsroomBridge;
  }
}

/** Thrown by `call` so screens can `catch` one kind of error and show its plain message. */
export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'ApiError';
  }
  get code(): AppError['code'] {
    return this.error.code;
  }
}

function bridge(): NewsroomBridge {
  const api = window.newsroom;
  if (!api) throw new ApiError({ code: 'INTERNAL', message: 'Newsroom must be opened as the desktop app.' });
  return api;
}

/** Typed facade over `window.newsroom`: types come from the shared contract. */
export async function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  return (await bridge().invoke(method, input)) as Result<MethodOutput<M>>;
}

/** Like `invoke` but throws `ApiError` on failure, for code that prefers try/catch. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await invoke(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void {
  return bridge().on(event, (payload) => callback(payload as EventPayload<E>));
}
