import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpReceiver } from '../../test-support/http-receiver';
import { LoopbackServers } from '../../test-support/loopback-servers';
import { HttpEndpointAdapter } from './http-endpoint-adapter';
import { BYTES, DRAFT, failureOf, INLINE, jobOf, PHOTO, publish, readAsset, story } from '../adapter-fixture';
import { IMAGE_PLACEHOLDER_PREFIX, PublishBodySchema } from './payload';

let receiver: HttpReceiver;
let adapter: HttpEndpointAdapter;
const servers = new LoopbackServers();
const SECRET = 'whsec_test_5f0c8d8e';

beforeEach(async () => {
  receiver = await new HttpReceiver({ kind: 'hmac', secret: SECRET }).start();
  adapter = new HttpEndpointAdapter({ endpointUrl: receiver.url, auth: { kind: 'hmac', secret: SECRET }, readAsset, timeoutMs: 2_000 });
});
afterEach(async () => {
  await receiver.close();
  await servers.closeAll();
});


describe('HTTP endpoint: the payload', () => {
  it('sends every story field but the editorial note, HTML with image placeholders, Markdown, and the images', async () => {
    const result = await adapter.send(jobOf('create', publish()), { earlier: undefined });
    expect(result).toEqual({ remoteId: 'item-1', url: 'https://cms.example.org/stories/item-1', version: '1' });
    const item = receiver.items.get('item-1');
    const payload = PublishBodySchema.parse(item?.payload);
    expect(JSON.stringify(payload)).not.toContain('Marta');
    expect(payload).toMatchObject({
      version: 1,
      action: 'create',
      draftId: DRAFT,
      remoteId: null,
      story: { headline: 'Bridge reopens', standfirst: 'The river crossing is open again.', byline: ['Ana Ruiz'], section: 'Local', tags: ['transport'], slug: 'bridge-reopens', dateline: { place: 'Girona', date: '2026-11-28' }, seoTitle: 'Bridge reopens | Daily', seoDescription: 'Open again', featuredImage: { ref: PHOTO, alt: 'The bridge', caption: 'At dawn', credit: 'Photo: J. Pérez' }, revision: 3 },
      timing: { kind: 'now' },
      correction: null,
    });
    expect(payload.html).toContain(`<img src="${IMAGE_PLACEHOLDER_PREFIX}${INLINE}" alt="Cars">`);
    expect(payload.markdown).toContain('## Cost');
    expect(payload.images).toEqual([
      { ref: PHOTO, role: 'featured', mediaType: 'image/png', data: Buffer.from(BYTES[PHOTO]!).toString('base64'), alt: 'The bridge', caption: 'At dawn', credit: 'Photo: J. Pérez' },
      { ref: INLINE, role: 'inline', mediaType: 'image/jpeg', data: Buffer.from(BYTES[INLINE]!).toString('base64'), alt: 'Cars', caption: 'First cars', credit: 'Photo: A' },
    ]);
  });

  it('schedules, updates the same item with a correction, and unpublishes it back to draft', async () => {
    const publishAt = '2026-11-30T06:00:00.000Z';
    const created = await adapter.send(jobOf('create', publish(story(), { timing: { kind: 'scheduled', publishAt } })), { earlier: undefined });
    expect(receiver.items.get(created.remoteId)?.status).toBe('scheduled');
    const correction = { note: 'The bridge is 300 m long, not 30 m.', at: '2026-11-28T12:00:00.000Z' };
    const updated = await adapter.send(jobOf('update', publish(story({ headline: 'Bridge reopens at last' }), { baseVersion: created.version, correction })), { earlier: created });
    expect(updated).toMatchObject({ remoteId: created.remoteId, version: '2' });
    const copy = await adapter.fetchRemote(created.remoteId);
    expect(copy).toMatchObject({ title: 'Bridge reopens at last', status: 'published', version: '2' });
    expect(copy?.html).toContain('<p class="correction"><em>Correction, 28 November 2026: The bridge is 300 m long, not 30 m.</em></p>');
    expect(PublishBodySchema.parse(receiver.items.get(created.remoteId)?.payload).correction?.text).toBe('Correction, 28 November 2026: The bridge is 300 m long, not 30 m.');
    const down = await adapter.send(jobOf('unpublish', { kind: 'unpublish', baseVersion: updated.version, overwrite: false }), { earlier: updated });
    expect(down.version).toBe('3');
    expect(receiver.items.get(created.remoteId)).toMatchObject({ status: 'draft', history: ['create', 'update', 'unpublish'] });
    expect(receiver.items.size).toBe(1);
    expect(receiver.sends().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /newsroom', 'PUT /newsroom/item-1', 'POST /newsroom/item-1/unpublish']);
    expect(await adapter.fetchRemote('item-404')).toBeNull();
  });

  it('refuses to overwrite a change made in the CMS (CONFLICT, 409), unless told to overwrite', async () => {
    const created = await adapter.send(jobOf('create', publish()), { earlier: undefined });
    receiver.editInCms(created.remoteId, 'Edited by the web desk');
    const failure = await failureOf(adapter.send(jobOf('update', publish(story(), { baseVersion: created.version })), { earlier: created }));
    expect(failure).toMatchObject({ code: 'CONFLICT', status: 409, outcomeUnknown: false });
    expect((await adapter.fetchRemote(created.remoteId))?.title).toBe('Edited by the web desk');
    await adapter.send(jobOf('update', publish(story(), { baseVersion: created.version, overwrite: true })), { earlier: created });
    expect((await adapter.fetchRemote(created.remoteId))?.title).toBe('Bridge reopens');
  });
});

describe('HTTP endpoint: idempotency', () => {
  it('sends the same key and the same bytes on every attempt; a replay returns the first answer, no duplicate', async () => {
    const job = jobOf('create', publish());
    const first = await adapter.send(job, { earlier: undefined });
    const again = await adapter.send(job, { earlier: undefined });
    expect(again).toEqual(first);
    expect(receiver.items.size).toBe(1);
    expect(receiver.sends().map((r) => r.idempotencyKey)).toEqual([job.idempotencyKey, job.idempotencyKey]);
  });

  it('a create whose answer was lost is unknown, and reconcile finds what it made', async () => {
    const job = jobOf('create', publish());
    expect(await adapter.reconcile(job, { earlier: undefined })).toBeNull();
    receiver.failNext('drop-after-commit');
    const failure = await failureOf(adapter.send(job, { earlier: undefined }));
    expect(failure).toMatchObject({ code: 'UNREACHABLE', outcomeUnknown: true });
    expect(await adapter.reconcile(job, { earlier: undefined })).toEqual({ remoteId: 'item-1', url: 'https://cms.example.org/stories/item-1', version: '1' });
    expect(receiver.items.size).toBe(1);
  });

  it('while the first attempt is still in progress, a second is told so (409, in progress, outcome unknown)', async () => {
    const job = jobOf('create', publish());
    receiver.failNext('stall');
    const slow = adapter.send(job, { earlier: undefined });
    await expect.poll(() => receiver.requests.some((r) => r.answered === 'stalled')).toBe(true);
    const failure = await failureOf(adapter.send(job, { earlier: undefined }));
    expect(failure).toMatchObject({ code: 'CMS_ERROR', status: 409, inProgress: true, outcomeUnknown: true });
    expect(await failureOf(adapter.reconcile(job, { earlier: undefined }))).toMatchObject({ inProgress: true });
    receiver.release();
    expect((await slow).remoteId).toBe('item-1');
    expect(receiver.items.size).toBe(1);
  });

  it('the same key with another payload is refused (422) and parked as a bad response, nothing made', async () => {
    const job = jobOf('create', publish());
    await adapter.send(job, { earlier: undefined });
    const failure = await failureOf(adapter.send({ ...job, payload: publish(story({ headline: 'Other' })) }, { earlier: undefined }));
    expect(failure).toMatchObject({ code: 'BAD_RESPONSE', status: 422, outcomeUnknown: false });
    expect(receiver.items.size).toBe(1);
  });

  it('passes on 503 Retry-After for the outbox’s backoff', async () => {
    receiver.failNext('unavailable');
    const failure = await failureOf(adapter.send(jobOf('create', publish()), { earlier: undefined }));
    expect(failure).toMatchObject({ code: 'CMS_ERROR', status: 503, retryAfter: '1', outcomeUnknown: false });
    expect(receiver.items.size).toBe(0);
  });
});

describe('HTTP endpoint: signatures, tokens and answers', () => {
  it('is refused with a wrong secret (AUTH_FAILED), and nothing is made', async () => {
    const wrong = new HttpEndpointAdapter({ endpointUrl: receiver.url, auth: { kind: 'hmac', secret: 'not-it' }, readAsset });
    expect(await failureOf(wrong.send(jobOf('create', publish()), { earlier: undefined }))).toMatchObject({ code: 'AUTH_FAILED', status: 401 });
    expect(await wrong.testConnection()).toMatchObject({ ok: false, code: 'AUTH_FAILED' });
    expect(receiver.items.size).toBe(0);
    expect(await adapter.testConnection()).toEqual({ ok: true, account: 'Test receiver', canPublish: true });
  });

  it('signs with the bearer token when the profile has one', async () => {
    const bearer = await new HttpReceiver({ kind: 'bearer', token: 'tok-123' }).start();
    try {
      const good = new HttpEndpointAdapter({ endpointUrl: bearer.url, auth: { kind: 'bearer', token: 'tok-123' }, readAsset });
      const bad = new HttpEndpointAdapter({ endpointUrl: bearer.url, auth: { kind: 'bearer', token: 'tok-999' }, readAsset });
      expect((await good.send(jobOf('create', publish()), { earlier: undefined })).remoteId).toBe('item-1');
      expect(await bad.testConnection()).toMatchObject({ ok: false, code: 'AUTH_FAILED' });
    } finally {
      await bearer.close();
    }
  });

  it('a 2xx it cannot read is a bad response with an unknown outcome; an unreachable endpoint is plainly said', async () => {
    const garbage = await servers.serve((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'));
    const odd = new HttpEndpointAdapter({ endpointUrl: `${garbage}/newsroom`, auth: { kind: 'bearer', token: 't' }, readAsset });
    expect(await failureOf(odd.send(jobOf('create', publish()), { earlier: undefined }))).toMatchObject({ code: 'BAD_RESPONSE', outcomeUnknown: true });
    const forbidden = await servers.serve((_req, res) => res.writeHead(403, { 'Content-Type': 'application/json' }).end('{"error":"forbidden","message":"Read-only account"}'));
    const denied = new HttpEndpointAdapter({ endpointUrl: forbidden, auth: { kind: 'bearer', token: 't' }, readAsset });
    expect(await denied.testConnection()).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('Read-only account') });
    const refused = new HttpEndpointAdapter({ endpointUrl: await servers.refusedUrl(), auth: { kind: 'bearer', token: 't' }, readAsset });
    expect(await refused.testConnection()).toMatchObject({ ok: false, code: 'UNREACHABLE' });
    expect(await failureOf(refused.send(jobOf('create', publish()), { earlier: undefined }))).toMatchObject({ code: 'UNREACHABLE', outcomeUnknown: false });
    const slow = await servers.serve(() => undefined);
    const hung = new HttpEndpointAdapter({ endpointUrl: slow, auth: { kind: 'bearer', token: 't' }, readAsset, timeoutMs: 200 });
    expect(await hung.testConnection()).toMatchObject({ ok: false, code: 'TIMEOUT' });
  });

  it('previews every field but the editorial note', () => {
    const preview = adapter.preview(story());
    expect(preview.lost).toEqual([expect.stringMatching(/Editorial note/)]);
    expect(preview.sent).toContainEqual({ field: 'seoTitle', value: 'Bridge reopens | Daily' });
    expect(preview.body).toContain('<p>Traffic flows again.</p>');
  });
});
