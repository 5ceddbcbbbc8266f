import { describe, expect, it } from 'vitest';
import { newArticle } from '../../../shared/model/article';
import type { OutboxJob } from '../outbox/job';
import { SendFailure } from '../outbox/transport';
import { type JobPayload, parsePayload } from './adapter';

const jobWith = (payload: unknown): OutboxJob => ({
  id: '5f0c8d8e-1b2a-4c3d-8e9f-0a1b2c3d4e5f',
  seq: 1,
  idempotencyKey: 'key-1',
  draftId: '00000000-0000-4000-8000-00000000000a',
  profileId: 'wp',
  action: 'create',
  payload,
  state: 'pending',
  outcomeUnknown: false,
  attempts: 0,
  failures: 0,
  serverErrors: 0,
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  notBefore: '2026-11-28T10:00:00.000Z',
});

describe('job payloads', () => {
  it('reads back a publish snapshot and an unpublish, as stored (JSON round trip)', () => {
    const publish: JobPayload = {
      kind: 'publish',
      article: newArticle({ headline: 'Bridge reopens', tags: ['transport'] }),
      revision: 7,
      timing: { kind: 'scheduled', publishAt: '2026-11-29T06:00:00.000Z' },
      correction: { note: 'The bridge is 300 m long, not 30 m.', at: '2026-11-28T12:00:00.000Z' },
      baseVersion: '2026-11-28T11:00:00.000Z',
      overwrite: false,
    };
    expect(parsePayload(jobWith(JSON.parse(JSON.stringify(publish))))).toEqual(publish);
    expect(parsePayload(jobWith({ kind: 'unpublish', overwrite: true }))).toEqual({ kind: 'unpublish', overwrite: true });
  });

  it.each([
    ['no payload', undefined],
    ['an article missing its fields', { kind: 'publish', article: { headline: 'x' }, revision: 1, timing: { kind: 'now' }, overwrite: false }],
    ['a schedule without a time', { kind: 'publish', article: newArticle(), revision: 1, timing: { kind: 'scheduled' }, overwrite: false }],
    ['an unknown action', { kind: 'delete-everything' }],
  ])('refuses %s: a damaged job is parked, never sent, and nothing went out', (_, payload) => {
    let thrown: unknown;
    try {
      parsePayload(jobWith(payload));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SendFailure);
    expect(thrown).toMatchObject({ code: 'INTERNAL', outcomeUnknown: false });
  });
});
