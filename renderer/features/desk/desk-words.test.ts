import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../../shared/model/review';
import { job } from '../publishing/panel-fixture';
import { deskMove, deskOutcome, hasDesk } from './desk-words';

const ana = { name: 'Ana Ruiz', initials: 'AR' };
const ben = { name: 'Ben Okafor', initials: 'BO' };
const filedBy = (who: typeof ana, status: ReviewRecord['status'] = 'filed'): ReviewRecord => ({
  status,
  trail: [{ from: 'draft', to: 'filed', by: { ...who, at: '2026-11-29T10:00:00Z' } }],
});

describe('deskMove', () => {
  it('files a draft', () => {
    expect(deskMove({ status: 'draft', trail: [] }, ana)).toEqual({ label: 'File to desk', fileFirst: true });
  });
  it('lets the reporter who filed it send it back to the desk, and anyone else send it to the reporter', () => {
    expect(deskMove(filedBy(ana), ana)?.label).toBe('Send back to desk');
    expect(deskMove(filedBy(ana), ben)?.label).toBe('Send to reporter');
    expect(deskMove(filedBy(ana, 'in-edit'), ben)).toEqual({ label: 'Send to reporter', fileFirst: false });
    expect(deskMove(filedBy(ana, 'ready'), ana)?.label).toBe('Send back to desk');
  });
  it('says the neutral words when it cannot tell who is looking', () => {
    expect(deskMove(filedBy(ana), null)?.label).toBe('Send back to desk');
  });
  it('has nothing to send for a published or spiked story', () => {
    expect(deskMove(filedBy(ana, 'published'), ana)).toBeNull();
    expect(deskMove({ status: 'spiked', trail: [] }, ana)).toBeNull();
  });
});

describe('deskOutcome', () => {
  it('follows the job to the desk', () => {
    expect(deskOutcome(job({ state: 'pending' })).text).toBe('Queued for the desk on Main site.');
    expect(deskOutcome(job({ state: 'sending' })).text).toBe('Sending to the desk on Main site…');
    expect(deskOutcome(job({ state: 'done' }))).toEqual({ text: 'Sent to the desk on Main site.', tone: 'status' });
  });
  it('says an unreachable site is waited for, and other trouble in words with a way out', () => {
    const offline = deskOutcome(job({ state: 'waiting', lastError: { code: 'UNREACHABLE', message: 'x' } }));
    expect(offline.text).toBe('Waiting: Main site cannot be reached. It goes to the desk as soon as it can.');
    expect(offline.tone).toBe('status');
    const held = deskOutcome(job({ state: 'held', lastError: { code: 'AUTH_FAILED', message: 'Main site refused the password.' } }));
    expect(held).toMatchObject({ tone: 'alert', retry: { kind: 'resume', profileId: job().profileId } });
    expect(held.text).toContain('Fix the account in Settings');
    const failed = deskOutcome(job({ state: 'failed', lastError: { code: 'CMS_ERROR', message: 'The site said no.' } }));
    expect(failed).toMatchObject({ text: 'Not sent: The site said no.', tone: 'alert', retry: { kind: 'retry' } });
  });
  it('turns a conflict into a comparison, not a retry', () => {
    const conflict = deskOutcome(job({ state: 'failed', lastError: { code: 'CONFLICT', message: 'changed' } }));
    expect(conflict.conflict).toBe(true);
    expect(conflict.retry).toBeUndefined();
  });
  it('knows which destinations have a desk', () => {
    expect([hasDesk('wordpress'), hasDesk('ghost'), hasDesk('folder'), hasDesk('http')]).toEqual([true, true, false, false]);
  });
});
