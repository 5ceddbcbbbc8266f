import { renderBodyBlocks } from '../../../shared/editor/render-html';
import { AppFailure } from '../../../shared/ipc/result';
import { checkReadiness } from '../../../shared/model/readiness';
import type { DraftStore } from '../drafts/draft-store';
import { KeyedQueue } from '../drafts/keyed-queue';
import type { Draft } from '../../../shared/model/draft';
import type { JobAction, OutboxJob, RemoteResult } from '../outbox/job';
import type { OutboxWorker } from '../outbox/worker';
import { type Clock, type Logger, silentLogger, systemClock } from '../ports';
import type { HouseRules } from '../settings/house-rules';
import type { User } from '../../../shared/model/review';
import type { JobPayload, Timing } from './adapter';
import { envelopeOf } from './desk-story';
import { slugToSend } from './story-mapping';
import { type LogAction, type LogEntry, latestFor, type PublishLogStore } from './publish-log';

export interface PublishRequest {
  kind: LogAction;
  /** A schedule: when the CMS makes the story live. */
  publishAt?: string | undefined;
  /** Not sent to the CMS before this time. */
  embargoUntil?: string | undefined;
  /** A correction: what was wrong, printed under the story in the house format. */
  correctionNote?: string | undefined;
  /** The journalist saw a conflict and chose to overwrite the copy on the CMS. */
  overwrite?: boolean | undefined;
}

export interface Queued {
  jobId: string;
  action: JobAction;
  /** The publish log could not be read as it was (damaged and set aside): shown to the journalist. */
  logProblem?: string;
}

export interface OutboxPublisherDeps {
  drafts: Pick<DraftStore, 'read'>;
  houseRules: Pick<HouseRules, 'get'>;
  worker: Pick<OutboxWorker, 'enqueue' | 'pendingCount'>;
  log: PublishLogStore;
  /** The profile's name as the journalist knows it, for the log. */
  profileName: (profileId: string) => string;
  /** Is this job still in the outbox, not done (a failed job waits there for the journalist)? */
  isUnfinished?: (jobId: string) => boolean;
  /**
   * Where the story is on this profile's CMS when its publish log does not say: a story published
   * before the outbox existed (the walking skeleton's direct WordPress publish).
   */
  knownRemote?: (draft: Draft, profileId: string) => Promise<RemoteResult | undefined>;
  /** Who is at this machine (filing records it in the story it sends). */
  currentUser?: () => User | undefined;
  clock?: Clock;
  logger?: Logger;
}

const refuse = (message: string): AppFailure => new AppFailure('INVALID_INPUT', message);

/**
 * Turns "publish this draft to that CMS" into a durable outbox job and keeps the draft's publish
 * log in step with what the outbox does with it. Queuing checks everything that can be checked
 * without the CMS (house rules, times, notes), so what is queued can only fail for reasons the CMS
 * gives. Sending, retrying, order and offline waiting are the worker's.
 */
export class OutboxPublisher {
  /** queue() of one draft reads the log, enqueues and appends: two at once would both choose "create". */
  private readonly perDraft = new KeyedQueue();
  /** Progress of a job whose log entry queue() has not written yet (see onProgress). */
  private readonly early = new Map<string, OutboxJob>();
  private queueing = 0;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(private readonly deps: OutboxPublisherDeps) {
    this.clock = deps.clock ?? systemClock;
    this.logger = deps.logger ?? silentLogger;
  }

  queue(draftId: string, profileId: string, request: PublishRequest): Promise<Queued> {
    return this.perDraft.run(draftId, async () => {
      this.queueing += 1;
      try {
        return await this.queueNow(draftId, profileId, request);
      } finally {
        this.queueing -= 1;
        if (this.queueing === 0) this.early.clear();
      }
    });
  }

  /** Jobs not delivered yet, including those that need attention: the app's badge. */
  pendingCount(): number {
    return this.deps.worker.pendingCount();
  }

  /** Wire to the worker's `onProgress`: records in the log what became of a job. */
  onProgress(job: OutboxJob): void {
    void this.recordProgress(job).catch((error: unknown) => this.logger.error('publish log: could not record progress', { id: job.id, error: String(error) }));
  }

  /** As onProgress, for a caller that must know when the log has it. */
  async recordProgress(job: OutboxJob): Promise<void> {
    if (job.state !== 'done' && job.state !== 'failed' && job.state !== 'waiting' && job.state !== 'held') return;
    await this.record(job);
  }

  /** The journalist dropped a job from the outbox: its entry says so, and it no longer counts as on its way. */
  async discarded(job: OutboxJob): Promise<void> {
    const message = job.outcomeUnknown
      ? 'Discarded from the outbox. The CMS may have received it before the connection dropped: check the site.'
      : 'Discarded from the outbox; it was not sent.';
    await this.deps.log.update(job.draftId, job.id, (entry) => ({ ...entry, state: 'failed', message, finishedAt: this.clock.now().toISOString() }));
  }

  private async record(job: OutboxJob): Promise<void> {
    const found = await this.deps.log.update(job.draftId, job.id, (entry) => progressed(entry, job, this.clock.now().toISOString()));
    // Progress can outrun the queued entry (the job went out while the entry was being written);
    // queue() applies it once the entry exists. Only while a queue() runs: nothing else can be early.
    if (!found && this.queueing > 0) this.early.set(job.id, job);
  }

  private async queueNow(draftId: string, profileId: string, request: PublishRequest): Promise<Queued> {
    const now = this.clock.now();
    const timing = this.checkTimes(request, now);
    const draft = await this.deps.drafts.read(draftId);
    const read = await this.deps.log.read(draftId);
    if (read.readOnly) throw new AppFailure('IO_ERROR', read.problem ?? 'The publish log cannot be changed.');
    const { entries } = read.log;
    const logged = latestFor(read.log, profileId);
    const remote: RemoteResult | undefined =
      logged?.remoteId !== undefined
        ? { remoteId: logged.remoteId, url: logged.url ?? '', ...(logged.version === undefined ? {} : { version: logged.version }) }
        : await this.deps.knownRemote?.(draft, profileId);
    // A job still on its way ahead of this one will make (or change) the copy on the CMS; the
    // worker hands its result to ours, so ours is an update even if the CMS has nothing yet. A
    // failed job still in the outbox counts: "Try again" may yet make the post, and a second
    // create would then double it.
    const isUnfinished = this.deps.isUnfinished ?? (() => false);
    const ahead = entries.some(
      (entry) => entry.profileId === profileId && (entry.state === 'queued' || (entry.state === 'failed' && isUnfinished(entry.jobId))),
    );
    const onCms = remote !== undefined || ahead;
    const name = this.deps.profileName(profileId);

    if ((request.kind === 'unpublish' || request.kind === 'correction') && !onCms) {
      throw refuse(`This story is not published on ${name}, so there is nothing to ${request.kind === 'unpublish' ? 'unpublish' : 'correct'}.`);
    }
    // Filing is for review (WordPress `pending`): sent over a live post it would take it off the site.
    if (request.kind === 'file' && logged !== undefined && logged.action !== 'file' && logged.action !== 'unpublish') {
      throw refuse(`This story is already published on ${name}. Update it there instead of filing it for review.`);
    }
    const note = request.correctionNote?.trim() ?? '';
    if (request.kind === 'correction' && note === '') throw refuse('Write what the correction is before publishing it.');

    // The version we last saw is only our base when nothing is queued ahead: the job ahead will
    // change it, and comparing against a version we know is stale would be a false conflict.
    const baseVersion = ahead ? undefined : remote?.version;
    const overwrite = request.overwrite ?? false;
    let payload: JobPayload;
    if (request.kind === 'unpublish') {
      payload = { kind: 'unpublish', overwrite, ...(baseVersion === undefined ? {} : { baseVersion }), ...(remote === undefined ? {} : { remote }) };
    } else {
      const article = draft.article;
      const filing = request.kind === 'file';
      // Unpublishing needs no checks; anything that goes live must pass the house rules. Filing
      // an unfinished story for review is normal: the desk finishes it, so no rule applies.
      // Checked on the slug that will be sent (a slug following the headline is made from it).
      const slug = slugToSend(article, remote?.slug) ?? '';
      const problems = filing ? [] : checkReadiness({ ...article, slug }, this.deps.houseRules.get());
      if (problems.length > 0) throw new AppFailure('NOT_READY', `Not queued: ${problems.map((problem) => problem.message).join(' ')}`);
      try {
        renderBodyBlocks(article.body);
      } catch (error) {
        throw new AppFailure('DRAFT_CORRUPT', 'The story body could not be prepared for publishing; it was not queued.', { cause: error });
      }
      payload = {
        kind: 'publish',
        // The editorial note is for the desk: not even the job file an adapter reads carries it.
        article: { ...article, editorialNote: '' },
        revision: draft.revision,
        timing,
        overwrite,
        ...(request.kind === 'correction' ? { correction: { note, at: now.toISOString() } } : {}),
        ...(baseVersion === undefined ? {} : { baseVersion }),
        ...(remote === undefined ? {} : { remote }),
        // Only filing carries the whole story (comments, suggestions, note, review trail).
        ...(filing
          ? {
              story: envelopeOf({
                storyId: draft.id,
                article,
                review: draft.review,
                revision: draft.revision,
                filedAt: now.toISOString(),
                filedBy: this.deps.currentUser?.(),
              }),
            }
          : {}),
      };
    }
    const action: JobAction = request.kind === 'unpublish' ? 'unpublish' : onCms ? 'update' : 'create';
    const job = await this.deps.worker.enqueue({ draftId, profileId, action, payload, notBefore: request.embargoUntil });

    const entry: LogEntry = {
      jobId: job.id,
      profileId,
      profileName: name,
      action: request.kind,
      queuedAt: job.createdAt,
      state: 'queued',
      revision: draft.revision,
      ...(request.kind === 'correction' ? { correctionNote: note } : {}),
      ...(timing.kind === 'scheduled' ? { publishAt: timing.publishAt } : {}),
      ...(request.embargoUntil === undefined ? {} : { embargoUntil: request.embargoUntil }),
    };
    await this.deps.log.append(draftId, entry);
    const early = this.early.get(job.id);
    if (early !== undefined) {
      this.early.delete(job.id);
      await this.record(early);
    }
    return { jobId: job.id, action, ...(read.problem === undefined ? {} : { logProblem: read.problem }) };
  }

  /** Times in the past are refused in plain words: a schedule or an embargo there is a mistake. */
  private checkTimes(request: PublishRequest, now: Date): Timing {
    const embargo = request.embargoUntil === undefined ? undefined : parseTime(request.embargoUntil, 'embargo');
    if (embargo !== undefined && embargo <= now.getTime()) {
      throw refuse('The embargo time has already passed. Choose a later time, or publish without an embargo.');
    }
    if (request.kind === 'file') return { kind: 'review' };
    if (request.kind !== 'schedule') return { kind: 'now' };
    if (request.publishAt === undefined) throw refuse('Choose when the story should go live.');
    const at = parseTime(request.publishAt, 'schedule');
    if (at <= now.getTime()) throw refuse('The scheduled time has already passed. Choose a time in the future, or publish now.');
    if (embargo !== undefined && at < embargo) throw refuse('The scheduled time is before the embargo lifts. Schedule it for the embargo time or later.');
    return { kind: 'scheduled', publishAt: new Date(at).toISOString() };
  }
}

function parseTime(text: string, what: 'embargo' | 'schedule'): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw refuse(`The ${what === 'embargo' ? 'embargo' : 'scheduled'} time is not a date and time Newsroom can read.`);
  return ms;
}

/** The log entry after the outbox reported on its job. */
function progressed(entry: LogEntry, job: OutboxJob, now: string): LogEntry {
  const { message: _message, finishedAt: _finished, ...rest } = entry;
  if (job.state === 'done' && job.result !== undefined) {
    const { code: _code, ...sent } = rest;
    const { remoteId, url, version } = job.result;
    return { ...sent, state: 'sent', finishedAt: now, remoteId, url, ...(version === undefined ? {} : { version }) };
  }
  const { code: _code, ...restWithoutCode } = rest;
  const error = job.lastError;
  const withMessage = error === undefined ? restWithoutCode : { ...restWithoutCode, message: error.message, code: error.code };
  if (job.state === 'failed') return { ...withMessage, state: 'failed', finishedAt: now };
  // waiting (will retry) or held (sign-in refused): still on its way, with the reason it is not there yet.
  return { ...withMessage, state: 'queued' };
}
