import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/ipc/contract';
import { initialOutbox, outboxReducer, type OutboxState } from './outbox-state';
import { jobView } from './test-jobs';

const early = jobView({ createdAt: '2026-03-12T09:00:00.000Z' });
const later = jobView({ createdAt: '2026-03-12T09:05:00.000Z' });
const STOPPED = '22222222-2222-4222-8222-222222222222';

function loaded(jobs = [later, early]): OutboxState {
  return outboxReducer(initialOutbox, {
    type: 'loaded',
    view: { jobs, problems: [{ file: '/o/x.json.corrupt-1', reason: 'Damaged.' }], stoppedProfiles: [] },
  });
}

describe('outboxReducer', () => {
  it('starts loading, then holds the list oldest first with its count', () => {
    expect(initialOutbox.status).toBe('loading');
    const state = loaded();
    expect(state.status).toBe('ready');
    expect(state.jobs.map((job) => job.id)).toEqual([early.id, later.id]);
    expect(state.count).toBe(2);
    expect(state.problems).toHaveLength(1);
  });

  it('updates a known job in place and takes the count from the event', () => {
    const sending = { ...early, state: 'sending' as const, attempts: 1 };
    const state = outboxReducer(loaded(), { type: 'changed', payload: { job: sending, pending: 2 } });
    expect(state.jobs).toEqual([sending, later]);
    expect(state.count).toBe(2);
  });

  it('adds a new job in age order', () => {
    const middle = jobView({ createdAt: '2026-03-12T09:02:00.000Z' });
    const state = outboxReducer(loaded(), { type: 'changed', payload: { job: middle, pending: 3 } });
    expect(state.jobs.map((job) => job.id)).toEqual([early.id, middle.id, later.id]);
    expect(state.count).toBe(3);
  });

  it('drops a job once it is done', () => {
    const state = outboxReducer(loaded(), { type: 'changed', payload: { job: { ...later, state: 'done' }, pending: 1 } });
    expect(state.jobs.map((job) => job.id)).toEqual([early.id]);
    expect(state.count).toBe(1);
  });

  it('drops a job the event says was removed (discarded), whatever its state', () => {
    const payload = { job: { ...early, state: 'failed' }, pending: 1, removed: true } as EventPayload<'outbox.changed'>;
    const state = outboxReducer(loaded(), { type: 'changed', payload });
    expect(state.jobs.map((job) => job.id)).toEqual([later.id]);
    expect(state.count).toBe(1);
  });

  it('drops done jobs from a list too', () => {
    expect(loaded([early, { ...later, state: 'done' }]).jobs.map((job) => job.id)).toEqual([early.id]);
  });

  it('marks an account stopped as soon as one of its jobs is held, once', () => {
    const held = { ...early, profileId: STOPPED, state: 'held' as const };
    let state = outboxReducer(loaded(), { type: 'changed', payload: { job: held, pending: 2 } });
    state = outboxReducer(state, { type: 'changed', payload: { job: { ...later, profileId: STOPPED, state: 'held' }, pending: 2 } });
    expect(state.stoppedProfiles).toEqual([STOPPED]);
  });

  it('a failed first read says so; a failed refresh keeps the jobs on screen', () => {
    const failed = outboxReducer(initialOutbox, { type: 'loadFailed', message: 'The outbox could not be read: disk' });
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('The outbox could not be read: disk');
    const refreshed = outboxReducer(loaded(), { type: 'loadFailed', message: 'no' });
    expect(refreshed.status).toBe('ready');
    expect(refreshed.jobs).toHaveLength(2);
    expect(refreshed.error).toBe('no');
    expect(outboxReducer(refreshed, { type: 'loaded', view: { jobs: [], problems: [], stoppedProfiles: [] } }).error).toBeUndefined();
  });
});
