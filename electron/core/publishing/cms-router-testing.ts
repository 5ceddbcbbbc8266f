import { randomBytes } from 'node:crypto';
import { afterEach, expect } from 'vitest';
import type { CmsProfileInput, CmsProfileView } from '../../../shared/model/cms-profiles';
import type { LiveStatus, LogEntry, OutboxJobView, PublishStatus } from '../../../shared/model/publishing';
import { articleWith } from '../drafts/testing';
import { type RouterHarness, startRouter } from './router-testing';

/**
 * Test support for publishing through the router (queue → outbox → adapter) to the real
 * WordPress and Ghost: a harness with one CMS profile saved, and the few steps every such test
 * repeats. Not imported by app code.
 */

/** A marker unique to one test run, put in every headline so a run finds (and deletes) its own posts. */
export const runTag = (): string => `nr${randomBytes(4).toString('hex')}`;

export interface CmsHarness extends RouterHarness {
  profileId: string;
}

/**
 * Starts a router per call with `profile` saved, and closes every one after each test (the
 * outbox stops, the temp folder goes). Call once at the top of a test file.
 */
export function cmsRouters(
  profile: () => CmsProfileInput,
): (override?: Partial<CmsProfileInput>, options?: Parameters<typeof startRouter>[0]) => Promise<CmsHarness> {
  const open: RouterHarness[] = [];
  afterEach(async () => {
    while (open.length) await open.pop()?.close();
  });
  return async (override = {}, options = {}) => {
    const harness = await startRouter(options);
    open.push(harness);
    const saved = await harness.ok<CmsProfileView>('profiles.save', { ...profile(), ...override });
    return { ...harness, profileId: saved.id };
  };
}

/** A story that passes the default house rules (byline and section are required). */
export const readyStory = (headline: string, ...paragraphs: string[]) => ({
  ...articleWith(headline, ...paragraphs),
  byline: ['Test Desk'],
  section: 'News',
});

export async function draftWith(h: RouterHarness, article: unknown): Promise<string> {
  const { id } = await h.ok<{ id: string }>('drafts.create');
  await h.ok('drafts.save', { id, article });
  return id;
}

export interface Sent {
  queued: { jobId: string; action: string };
  job: OutboxJobView;
}

/** Queues one action on the harness' profile and waits for the outbox to finish with it. */
export async function send(h: CmsHarness, draftId: string, kind: string, extra: Record<string, unknown> = {}): Promise<Sent> {
  const queued = await h.ok<Sent['queued']>('publishing.queue', { draftId, profileId: h.profileId, kind, ...extra });
  return { queued, job: await h.settled(queued.jobId) };
}

/** As `send`, and the job must be done: its failure is printed in the journalist's words. */
export async function sendOk(h: CmsHarness, draftId: string, kind: string, extra: Record<string, unknown> = {}): Promise<Sent> {
  const sent = await send(h, draftId, kind, extra);
  expect(sent.job, sent.job.lastError?.message ?? '').toMatchObject({ state: 'done' });
  return sent;
}

export const statusOf = (h: RouterHarness, draftId: string): Promise<PublishStatus> => h.ok<PublishStatus>('publishing.status', { draftId });

/** Where the story stands on the harness' profile. */
export async function liveOf(h: CmsHarness, draftId: string): Promise<LiveStatus | undefined> {
  return (await statusOf(h, draftId)).live.find((live) => live.profileId === h.profileId);
}

/** The publish log's entry of one job. */
export async function entryOf(h: RouterHarness, draftId: string, jobId: string): Promise<LogEntry | undefined> {
  return (await statusOf(h, draftId)).entries.find((entry) => entry.jobId === jobId);
}

/** The CMS's id of the story, as the publish log recorded it from the last accepted job. */
export async function remoteIdOf(h: CmsHarness, draftId: string): Promise<string> {
  const entry = (await statusOf(h, draftId)).entries.findLast((candidate) => candidate.profileId === h.profileId && candidate.remoteId !== undefined);
  if (entry?.remoteId === undefined) throw new Error(`draft ${draftId} has no remote id in its publish log`);
  return entry.remoteId;
}

/** The saved article as the editor would open it (to edit and save again, or read the pinned slug). */
export async function openArticle<T = Record<string, unknown> & { slug: string; slugFollowsHeadline: boolean }>(h: RouterHarness, id: string): Promise<T> {
  return (await h.ok<{ article: T }>('drafts.open', { id })).article;
}

/** WordPress and Ghost keep times to the second; an ISO time that far in the future, whole seconds. */
export const secondsFromNow = (seconds: number): string => new Date(Math.ceil(Date.now() / 1000) * 1000 + seconds * 1000).toISOString();
