import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/ipc/result';
import { SendFailure } from '../../outbox/transport';
import { TransportFailure } from '../http';
import { fullArticle, jobOf, pngAsset, publishPayload } from './adapter-testing';
import { hasMarker, markerOf, withMarker, withoutMarker } from './marker';
import { asSendFailure } from './send-failure';
import { WordPressAdapter } from './wordpress-adapter';
import { WordPressFailure } from './wordpress-client';

/** The parts of the adapter that need no WordPress: preview, marker, failure mapping, refusals. */
const noNetwork = (): Promise<Response> => Promise.reject(new Error('no request was expected'));
const adapter = new WordPressAdapter({
  credentials: { siteUrl: 'https://news.example', username: 'desk', applicationPassword: 'x' },
  readAsset: () => Promise.reject(new Error('no image was expected')),
  fetch: noNetwork,
});

describe('preview', () => {
  it('lists what WordPress gets, and the SEO fields and the note as not sent', () => {
    const featured = pngAsset('p');
    const preview = adapter.preview(fullArticle('Bridge reopens 123456', { featured: featured.asset }));
    expect(preview.sent).toEqual([
      { field: 'Title', value: 'Bridge reopens 123456' },
      { field: 'Excerpt', value: 'The city’s main bridge is open again.' },
      { field: 'Slug', value: 'bridge-reopens-123456' },
      { field: 'Category', value: 'Transport 123456' },
      { field: 'Tags', value: 'Bridges 123456, City' },
      { field: 'Byline (first line of the text)', value: 'Ana Ruiz, Luis Pérez' },
      { field: 'Dateline (opens the first paragraph)', value: 'SEVILLA, Nov. 28 —' },
      { field: 'Featured image', value: `${featured.asset} (alt text: The bridge from the river)` },
      { field: 'Featured image caption', value: 'Reopened (Ana Ruiz)' },
    ]);
    expect(preview.lost).toEqual([
      'SEO title (core WordPress has no field for it; an SEO plugin would)',
      'SEO description (core WordPress has no field for it; an SEO plugin would)',
      'Editorial note (never sent: it is for the desk only)',
    ]);
    expect(preview.body).toContain('<p class="byline">By Ana Ruiz and Luis Pérez</p>');
    expect(preview.body).toContain('<p>SEVILLA, Nov. 28 — The bridge reopened');
    expect(preview.body).not.toMatch(/NOTE-FOR-THE-DESK|SEO-/);
  });
});

describe('marker', () => {
  it('is fixed-length, the same for a key and different between keys', () => {
    expect(markerOf('key-1')).toMatch(/^nr-[0-9a-f]{24}$/);
    expect(markerOf('key-1')).toBe(markerOf('key-1'));
    expect(markerOf('key-1')).not.toBe(markerOf('key-2'));
  });

  it('replaces an earlier job’s marker and comes off for display', () => {
    const first = withMarker('<p>a</p>', markerOf('k1'));
    const second = withMarker(first, markerOf('k2'));
    expect(hasMarker(second, markerOf('k2'))).toBe(true);
    expect(hasMarker(second, markerOf('k1'))).toBe(false);
    expect(withoutMarker(second)).toBe('<p>a</p>');
  });
});

describe('asSendFailure', () => {
  it('keeps the transport’s verdict on whether the request may have landed', () => {
    expect(asSendFailure(new TransportFailure('UNREACHABLE', 'reset', true), 'send')).toMatchObject({ code: 'UNREACHABLE', outcomeUnknown: true });
    expect(asSendFailure(new TransportFailure('UNREACHABLE', 'refused', false), 'send')).toMatchObject({ outcomeUnknown: false });
    expect(asSendFailure(new TransportFailure('TLS_ERROR', 'cert', false), 'send')).toMatchObject({ code: 'TLS_ERROR', outcomeUnknown: false });
    // A look-up writes nothing: its failure never makes an outcome unknown.
    expect(asSendFailure(new TransportFailure('TIMEOUT', 'slow', true), 'reconcile')).toMatchObject({ code: 'TIMEOUT', outcomeUnknown: false });
  });

  it('carries WordPress’ status and Retry-After; an unreadable 2xx or a gateway time-out may have committed', () => {
    expect(asSendFailure(new WordPressFailure('CMS_ERROR', 'slow down', 429, '7'), 'send')).toMatchObject({ status: 429, retryAfter: '7', outcomeUnknown: false });
    expect(asSendFailure(new WordPressFailure('CMS_ERROR', 'db down', 500, undefined), 'send')).toMatchObject({ status: 500, outcomeUnknown: false });
    expect(asSendFailure(new WordPressFailure('BAD_RESPONSE', 'garbled', 201, undefined), 'send')).toMatchObject({ status: 201, outcomeUnknown: true });
    expect(asSendFailure(new WordPressFailure('CMS_ERROR', 'gateway', 504, undefined), 'send')).toMatchObject({ outcomeUnknown: true });
  });

  it('our own refusals before sending are certain; a bug is not', () => {
    expect(asSendFailure(new AppFailure('DRAFT_CORRUPT', 'body'), 'send')).toMatchObject({ code: 'DRAFT_CORRUPT', outcomeUnknown: false });
    expect(asSendFailure(new TypeError('oops'), 'send')).toMatchObject({ code: 'INTERNAL', outcomeUnknown: true });
  });
});

describe('refusals before any request', () => {
  const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

  it('a damaged payload parks the job', async () => {
    expect(await failureOf(adapter.send(jobOf('create', { kind: 'publish' }), { earlier: undefined }))).toMatchObject({ code: 'INTERNAL', outcomeUnknown: false });
    expect(await failureOf(adapter.send(jobOf('create', { kind: 'unpublish', overwrite: false }), { earlier: undefined }))).toMatchObject({ code: 'INTERNAL' });
  });

  it('an update with no earlier publish on this site is NOT_FOUND', async () => {
    const error = await failureOf(adapter.send(jobOf('update', publishPayload(fullArticle('Bridge 1'))), { earlier: undefined }));
    expect(error).toBeInstanceOf(SendFailure);
    expect(error).toMatchObject({ code: 'NOT_FOUND', outcomeUnknown: false });
  });
});
