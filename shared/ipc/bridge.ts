import type { EventName, MethodName } from './channels';
import type { Result } from './result';

/**
 * The whole surface the preload gives the page as `window.newsroom`: untyped at the boundary;
 * `renderer/api/client.ts` puts the contract's types on top.
 */
export interface NewsroomBridge {
  invoke(method: MethodName, input?: unknown): Promise<Result<unknown>>;
  /** Returns a function that removes the listener. Callbacks get the payload only. */
  on(event: EventName, callback: (payload: unknown) => void): () => void;
}
