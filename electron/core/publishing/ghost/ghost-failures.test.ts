import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/ipc/result';
import { SendFailure } from '../../outbox/transport';
import { TransportFailure } from '../http';
import { GhostApiFailure } from './ghost-errors';
import { markerTag, toGhostSendFailure, toVerdict } from './ghost-failures';

const SITE = 'the Ghost site at https://news.example';
const ghost = (status: number, code: ConstructorParameters<typeof GhostApiFailure>[0], type?: string, retryAfter?: string): GhostApiFailure =>
  new GhostApiFailure(code, `Ghost said ${status}`, status, type, retryAfter);

describe('Ghost failures for the outbox', () => {
  it('turns Ghost’s update collision into CONFLICT (409), certain', () => {
    const failure = toGhostSendFailure(ghost(409, 'CMS_ERROR', 'UpdateCollisionError'), true, SITE);
    expect(failure).toMatchObject({ code: 'CONFLICT', status: 409, outcomeUnknown: false });
  });

  it.each([
    [401, 'AUTH_FAILED', 'UnauthorizedError', 'AUTH_FAILED'],
    [403, 'FORBIDDEN', 'NoPermissionError', 'FORBIDDEN'],
    [422, 'CMS_ERROR', 'ValidationError', 'BAD_RESPONSE'],
    [404, 'NOT_FOUND', 'NotFoundError', 'NOT_FOUND'],
  ] as const)('maps HTTP %i to %s, certain even after the write left, with Ghost’s message', (status, code, type, expected) => {
    const failure = toGhostSendFailure(ghost(status, code, type), true, SITE);
    expect(failure).toMatchObject({ code: expected, status, outcomeUnknown: false, message: `Ghost said ${status}` });
  });

  it('passes a 429’s Retry-After on', () => {
    expect(toGhostSendFailure(ghost(429, 'CMS_ERROR', 'TooManyRequestsError', '30'), true, SITE)).toMatchObject({ status: 429, retryAfter: '30', outcomeUnknown: false });
  });

  it('calls a 500 or 504 after the write left unknown, but not a 503, nor any before the write', () => {
    expect(toGhostSendFailure(ghost(500, 'CMS_ERROR'), true, SITE).outcomeUnknown).toBe(true);
    expect(toGhostSendFailure(ghost(504, 'BAD_RESPONSE'), true, SITE).outcomeUnknown).toBe(true);
    expect(toGhostSendFailure(ghost(503, 'CMS_ERROR'), true, SITE).outcomeUnknown).toBe(false);
    expect(toGhostSendFailure(ghost(500, 'CMS_ERROR'), false, SITE).outcomeUnknown).toBe(false);
  });

  it('calls an unreadable 2xx answer to the write unknown (Ghost may have saved it)', () => {
    expect(toGhostSendFailure(ghost(201, 'BAD_RESPONSE'), true, SITE)).toMatchObject({ code: 'BAD_RESPONSE', status: 201, outcomeUnknown: true });
  });

  it('keeps a transport failure’s outcome only for the write', () => {
    const reset = new TransportFailure('UNREACHABLE', 'reset', true);
    expect(toGhostSendFailure(reset, true, SITE)).toMatchObject({ code: 'UNREACHABLE', outcomeUnknown: true });
    expect(toGhostSendFailure(reset, false, SITE).outcomeUnknown).toBe(false);
    const tls = new TransportFailure('TLS_ERROR', 'The secure connection failed', false);
    expect(toGhostSendFailure(tls, true, SITE)).toMatchObject({ code: 'TLS_ERROR', outcomeUnknown: false });
  });

  it('leaves a SendFailure as it is, and makes anything else INTERNAL', () => {
    const own = new SendFailure({ code: 'CONFLICT', message: 'x', outcomeUnknown: false });
    expect(toGhostSendFailure(own, true, SITE)).toBe(own);
    expect(toGhostSendFailure(new TypeError('bug'), true, SITE)).toMatchObject({ code: 'INTERNAL', outcomeUnknown: true });
    expect(toGhostSendFailure(new AppFailure('IO_ERROR', 'disk'), false, SITE)).toMatchObject({ code: 'IO_ERROR', outcomeUnknown: false });
  });
});

describe('Test connection verdicts', () => {
  it.each([
    [new TransportFailure('TLS_ERROR', 'tls', false), 'TLS_ERROR'],
    [new TransportFailure('TIMEOUT', 'slow', true), 'TIMEOUT'],
    [new TransportFailure('UNREACHABLE', 'refused', false), 'UNREACHABLE'],
    [ghost(401, 'AUTH_FAILED'), 'AUTH_FAILED'],
    [ghost(403, 'FORBIDDEN'), 'FORBIDDEN'],
    [ghost(200, 'BAD_RESPONSE'), 'BAD_RESPONSE'],
    [ghost(500, 'CMS_ERROR'), 'BAD_RESPONSE'],
    [new Error('?'), 'BAD_RESPONSE'],
  ] as const)('%s → %s', (error, code) => {
    expect(toVerdict(error, SITE)).toMatchObject({ ok: false, code });
  });
});

describe('the marker tag', () => {
  it('is an internal tag whose slug Ghost makes by replacing # with hash-, the same for the same key', () => {
    const marker = markerTag('job-key-1');
    expect(marker.name).toMatch(/^#nr-[0-9a-f]{20}$/);
    expect(marker.slug).toBe(marker.name.replace(/^#/, 'hash-'));
    expect(markerTag('job-key-1')).toEqual(marker);
    expect(markerTag('job-key-2').name).not.toBe(marker.name);
  });
});
