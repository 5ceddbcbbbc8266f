import { describe, expect, it } from 'vitest';
import {
  actionWords,
  attemptWords,
  canDiscard,
  canRetry,
  discardQuestion,
  indicatorName,
  indicatorText,
  jobStateWords,
  offlineWords,
  problemWords,
  profileNameOf,
} from './outbox-words';
import { jobView } from './test-jobs';

// Local times: the app shows the computer's clock, so the fixed "now" is local too.
const now = new Date(2026, 2, 12, 13, 30);
const at = (hour: number, minute: number, day = 12) => new Date(2026, 2, day, hour, minute).toISOString();
const refused = { code: 'UNREACHABLE' as const, message: 'The site did not answer' };

describe('outbox wording', () => {
  it('names each action as the journalist knows it', () => {
    expect(actionWords('create')).toBe('Publish');
    expect(actionWords('update')).toBe('Update');
    expect(actionWords('unpublish')).toBe('Unpublish');
  });

  it('says a pending job is waiting to send, or waits for its embargo when notBefore is ahead', () => {
    expect(jobStateWords(jobView({ state: 'pending', notBefore: at(13, 0) }), now)).toBe('Waiting to send');
    expect(jobStateWords(jobView({ state: 'pending', notBefore: at(13, 30) }), now)).toBe('Waiting to send');
    expect(jobStateWords(jobView({ state: 'pending', notBefore: at(18, 5) }), now)).toBe('Waiting for the embargo until 18:05');
    expect(jobStateWords(jobView({ state: 'pending', notBefore: at(6, 0, 14) }), now)).toBe(
      'Waiting for the embargo until 14 March 2026 06:00',
    );
  });

  it('gives an embargo in the newsroom time and the journalist\'s once the newsroom zone is known', () => {
    const words = jobStateWords(jobView({ state: 'pending', notBefore: '2026-03-14T18:00:00.000Z' }), now, 'Europe/London');
    expect(words).toMatch(/^Waiting for the embargo until 14 Mar 2026, 18:00 in London \(Europe\/London\) · .+ your time$/);
  });

  it('says when a waiting job is tried again and why it failed', () => {
    expect(jobStateWords(jobView({ state: 'waiting', notBefore: at(14, 3), lastError: refused }), now)).toBe(
      'Will retry at 14:03 — The site did not answer.',
    );
    expect(jobStateWords(jobView({ state: 'waiting', notBefore: at(14, 3) }), now)).toBe('Will retry at 14:03');
    expect(jobStateWords(jobView({ state: 'waiting', notBefore: at(13, 29), lastError: refused }), now)).toBe(
      'Will retry in a moment — The site did not answer.',
    );
  });

  it('words sending, held, failed and done', () => {
    expect(jobStateWords(jobView({ state: 'sending' }), now)).toBe('Sending…');
    expect(jobStateWords(jobView({ state: 'held' }), now)).toBe('Sign-in refused — fix the password in Settings, then Resume');
    expect(
      jobStateWords(jobView({ state: 'failed', lastError: { code: 'CMS_ERROR', message: 'The story is too large for the site.', status: 413 } }), now),
    ).toBe('Needs attention — The story is too large for the site.');
    expect(jobStateWords(jobView({ state: 'failed' }), now)).toBe('Needs attention — The CMS did not accept it.');
    expect(jobStateWords(jobView({ state: 'done' }), now)).toBe('Sent');
  });

  it('counts attempts', () => {
    expect(attemptWords(0)).toBe('Not tried yet');
    expect(attemptWords(1)).toBe('1 attempt');
    expect(attemptWords(4)).toBe('4 attempts');
  });

  it('offers Try again only for failed and waiting jobs, Discard for anything not on the wire', () => {
    expect(['pending', 'sending', 'waiting', 'held', 'failed', 'done'].filter((state) => canRetry(jobView({ state: state as never })))).toEqual([
      'waiting',
      'failed',
    ]);
    expect(['pending', 'sending', 'waiting', 'held', 'failed', 'done'].filter((state) => canDiscard(jobView({ state: state as never })))).toEqual([
      'pending',
      'waiting',
      'held',
      'failed',
    ]);
  });

  it('names the indicator with the count and what needs attention', () => {
    expect(indicatorName(0, 0)).toBe('Outbox, all sent');
    expect(indicatorName(3, 0)).toBe('Outbox, 3 waiting');
    expect(indicatorName(3, 1)).toBe('Outbox, 3 waiting, 1 needs attention');
    expect(indicatorName(3, 2)).toBe('Outbox, 3 waiting, 2 need attention');
    expect(indicatorText(0)).toBe('Outbox: all sent');
    expect(indicatorText(2)).toBe('Outbox: 2 waiting');
  });

  it('tells what happens offline', () => {
    expect(offlineWords(2)).toBe('Offline — 2 will be sent when you are back online');
    expect(offlineWords(0)).toBe('Offline — stories you publish will be sent when you are back online');
  });

  it('warns before discarding a job whose outcome is unknown', () => {
    expect(discardQuestion(jobView({ action: 'update' }))).toBe('Discard “Update” to Desk WordPress?');
    expect(discardQuestion(jobView({ outcomeUnknown: true }))).toBe(
      'Discard “Publish” to Desk WordPress? The CMS may already have this story.',
    );
  });

  it('says where an unreadable job file was kept, and names a stopped account from its jobs', () => {
    expect(problemWords({ file: '/data/outbox/x.json.corrupt-1', reason: 'A damaged publishing job was set aside.' })).toBe(
      'A damaged publishing job was set aside. The file is kept as /data/outbox/x.json.corrupt-1.',
    );
    const ghost = jobView({ profileId: '22222222-2222-4222-8222-222222222222', profileName: 'Ghost blog' });
    expect(profileNameOf('22222222-2222-4222-8222-222222222222', [jobView(), ghost])).toBe('Ghost blog');
    expect(profileNameOf('33333333-3333-4333-8333-333333333333', [ghost])).toBe('this account');
  });
});
