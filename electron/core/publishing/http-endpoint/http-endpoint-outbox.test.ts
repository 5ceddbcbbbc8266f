import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settle, startWorker, stopWorkers, tempFolder } from '../../outbox/testing';
import { HttpReceiver } from '../../test-support/http-receiver';
import { DRAFT, publish, readAsset, story } from '../adapter-fixture';
import { HttpEndpointAdapter } from './http-endpoint-adapter';

/** The outbox worker (real store in a temp folder) sending through the adapter to the test receiver. */

const SECRET = 'whsec_outbox';
let work: { path: string; remove: () => Promise<void> };
let receiver: HttpReceiver;
let adapter: HttpEndpointAdapter;

beforeEach(async () => {
  work = await tempFolder('newsroom-endpoint-');
  receiver = await new HttpReceiver({ kind: 'hmac', secret: SECRET }).start();
  adapter = new HttpEndpointAdapter({ endpointUrl: receiver.url, auth: { kind: 'hmac', secret: SECRET }, readAsset, timeoutMs: 2_000 });
});
afterEach(async () => {
  await stopWorkers();
  await receiver.close();
  await work.remove();
});

describe('HTTP endpoint through the outbox', () => {
  it('a create whose answer was lost is reconciled, not sent twice; the update behind it reaches the same item', async () => {
    const { worker, time, store } = await startWorker(work.path, { transport: adapter });
    receiver.failNext('drop-after-commit');
    const create = await worker.enqueue({ draftId: DRAFT, profileId: 'endpoint', action: 'create', payload: publish() });
    const update = await worker.enqueue({ draftId: DRAFT, profileId: 'endpoint', action: 'update', payload: publish(story({ headline: 'Bridge reopens at last' })) });
    await settle(worker, time, () => store.get(update.id)?.state === 'done');

    expect(store.get(create.id)).toMatchObject({ state: 'done', result: { remoteId: 'item-1', version: '1' } });
    expect(store.get(update.id)).toMatchObject({ state: 'done', result: { remoteId: 'item-1', version: '2' } });
    expect(receiver.items.size).toBe(1);
    expect(receiver.items.get('item-1')?.history).toEqual(['create', 'update']);
    const creates = receiver.sends().filter((r) => r.method === 'POST');
    expect(creates).toHaveLength(1);
    // The look-up that found it carried no idempotency header but asked by the create's key.
    expect(receiver.requests.some((r) => r.method === 'GET' && r.path === '/newsroom')).toBe(true);
  });

  it('retries a 503 with the same key until it goes through, once', async () => {
    const { worker, time, store } = await startWorker(work.path, { transport: adapter });
    receiver.failNext('unavailable', 'unavailable');
    const create = await worker.enqueue({ draftId: DRAFT, profileId: 'endpoint', action: 'create', payload: publish() });
    await settle(worker, time, () => store.get(create.id)?.state === 'done');
    expect(store.get(create.id)?.state).toBe('done');
    const keys = receiver.sends().map((r) => r.idempotencyKey);
    expect(keys).toEqual([create.idempotencyKey, create.idempotencyKey, create.idempotencyKey]);
    expect(receiver.sends().map((r) => r.answered)).toEqual([503, 503, 201]);
    expect(receiver.items.size).toBe(1);
  });

  it('parks a conflict for the journalist to compare, and sends nothing over the CMS’s change', async () => {
    const { worker, time, store } = await startWorker(work.path, { transport: adapter });
    const create = await worker.enqueue({ draftId: DRAFT, profileId: 'endpoint', action: 'create', payload: publish() });
    await settle(worker, time, () => store.get(create.id)?.state === 'done');
    receiver.editInCms('item-1', 'Edited by the web desk');
    const update = await worker.enqueue({ draftId: DRAFT, profileId: 'endpoint', action: 'update', payload: publish(story(), { baseVersion: '1' }) });
    await settle(worker, time, () => store.get(update.id)?.state === 'failed');
    expect(store.get(update.id)).toMatchObject({ state: 'failed', lastError: { code: 'CONFLICT', status: 409 } });
    expect(receiver.items.get('item-1')?.payload.story.headline).toBe('Edited by the web desk');
  });
});
