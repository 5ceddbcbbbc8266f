import { describe, expect, it } from 'vitest';
import type { LogEntry, OutboxJobView } from '../../../shared/model/publishing';
import { badgeText, describeOutcome, latestEntryFor, resultInWords } from './outcome';

const JOB = '11111111-1111-4111-8111-111111111111';
const DRAFT = '22222222-2222-4222-8222-222222222222';
const PROFILE = '33333333-3333-4333-8333-333333333333';
const clock = { now: new Date('2026-11-28T12:00:00Z'), timeZone: 'Europe/London', localZone: 'Europe/Madrid' };

const job = (patch: Partial<OutboxJobView> = {}): OutboxJobView => ({
  id: JOB,
  draftId: DRAFT,
  profileId: PROFILE,
  profileName: 'Main site',
  action: 'create',
  state: 'pending',
  createdAt: '2026-11-28T11:59:00Z',
  notBefore: '2026-11-28T11:59:00Z',
  attempts: 0,
  outcomeUnknown: false,
  ...patch,
});

const entry = (patch: Partial<LogEntry> = {}): LogEntry => ({
  jobId: JOB,
  profileId: PROFILE,
  profileName: 'Main site',
  action: 'publish',
  queuedAt: '2026-11-28T11:59:00Z',
  state: 'queued',
  revision: 3,
  ...patch,
});

describe('describeOutcome', () => {
  it('follows a job from the queue to the site', () => {
    expect(describeOutcome(job(), undefined, clock)?.text).toBe('Queued for Main site.');
    expect(describeOutcome(job({ state: 'sending' }), entry(), clock)?.text).toBe('Sending…');
    const done = describeOutcome(job({ state: 'done' }), entry({ state: 'sent', url: 'https://news.example/a' }), clock);
    expect(done).toEqual({ text: 'Published:', tone: 'status', url: 'https://news.example/a' });
    // A story filed to the desk went to the site too, but it is not live there.
    const filed = describeOutcome(job({ state: 'done' }), entry({ action: 'file', state: 'sent', url: 'https://news.example/?p=4' }), clock);
    expect(filed).toEqual({ text: 'Sent to the desk on Main site (pending review, not live).', tone: 'status' });
  });

  it('says a schedule and an unpublish in their own words once the CMS has them', () => {
    const scheduled = describeOutcome(undefined, entry({ state: 'sent', action: 'schedule', publishAt: '2026-11-29T14:00:00Z' }), clock);
    expect(scheduled?.text).toBe('Scheduled on Main site for 29 Nov 2026, 14:00 in London (Europe/London) · 15:00 your time.');
    expect(describeOutcome(undefined, entry({ state: 'sent', action: 'unpublish' }), clock)?.text).toBe('Unpublished on Main site.');
  });

  it('waits for an embargo in newsroom and local time', () => {
    const held = describeOutcome(
      job({ notBefore: '2026-11-28T18:00:00Z' }),
      entry({ embargoUntil: '2026-11-28T18:00:00Z' }),
      clock,
    );
    expect(held?.text).toBe('Waiting for the embargo until 28 Nov 2026, 18:00 in London (Europe/London) · 19:00 your time.');
  });

  it('tells offline apart from a retry after a refusal', () => {
    const offline = job({ state: 'waiting', lastError: { code: 'UNREACHABLE', message: 'No connection.' } });
    expect(describeOutcome(offline, entry(), clock)?.text).toBe('Offline — will send when Main site is reachable.');
    const busy = job({ state: 'waiting', notBefore: '2026-11-28T12:05:00Z', lastError: { code: 'CMS_ERROR', message: 'The site is busy.' } });
    expect(describeOutcome(busy, entry(), clock)?.text).toBe('Will retry at 28 Nov 2026, 12:05 in London (Europe/London) · 13:05 your time: The site is busy.');
  });

  it('asks for attention with a way to try again: the job, or the account for a refused sign-in', () => {
    const failed = describeOutcome(job({ state: 'failed', lastError: { code: 'BAD_RESPONSE', message: 'The site said no.' } }), entry(), clock);
    expect(failed).toMatchObject({ text: 'Needs attention: The site said no.', tone: 'alert', retry: { kind: 'retry', jobId: JOB } });
    const held = describeOutcome(job({ state: 'held', lastError: { code: 'AUTH_FAILED', message: 'Wrong password.' } }), undefined, clock);
    expect(held?.retry).toEqual({ kind: 'resume', profileId: PROFILE });
  });

  it('reads a failed log entry when the job is gone (nothing to try again), and says nothing without either', () => {
    const discarded = describeOutcome(undefined, entry({ state: 'failed', message: 'Discarded from the outbox; it was not sent.' }), clock);
    expect(discarded).toEqual({ text: 'Discarded from the outbox; it was not sent.', tone: 'status' });
    expect(describeOutcome(undefined, undefined, clock)).toBeNull();
  });
});

describe('log and badge words', () => {
  it('say the result of each entry', () => {
    expect(resultInWords(entry({ state: 'sent' }))).toBe('Sent');
    expect(resultInWords(entry())).toBe('Queued');
    expect(resultInWords(entry({ state: 'failed', message: 'Gone.' }))).toBe('Failed: Gone.');
  });

  it('say where the story stands on a profile', () => {
    const base = { profileId: PROFILE, profileName: 'Main site' };
    expect(badgeText(undefined, clock)).toBe('Not published yet');
    expect(badgeText({ ...base, state: 'up-to-date' }, clock)).toBe('Live — up to date');
    expect(badgeText({ ...base, state: 'behind' }, clock)).toBe('Live copy is behind your draft');
    expect(badgeText({ ...base, state: 'unpublished' }, clock)).toBe('Unpublished');
    expect(badgeText({ ...base, state: 'scheduled', publishAt: '2026-11-29T09:00:00Z' }, clock)).toBe(
      'Scheduled for 29 Nov 2026, 09:00 in London (Europe/London) · 10:00 your time',
    );
  });

  it('find the newest entry of a profile whatever its state', () => {
    const other = entry({ profileId: '44444444-4444-4444-8444-444444444444', state: 'sent' });
    const conflict = entry({ state: 'failed', code: 'CONFLICT' });
    expect(latestEntryFor([entry({ state: 'sent' }), conflict, other], PROFILE)).toBe(conflict);
  });
});
