import { z } from 'zod';
import { ERROR_CODES } from '../../../shared/ipc/result';

/**
 * One outbox job: one action (create, update, unpublish) of one draft on one CMS profile, kept
 * on disk as `<data>/outbox/<id>.json` until it is done. The file is readable JSON with a format
 * marker and a schema version, like the draft files. Reading never throws: it says what it found.
 */
export const OUTBOX_JOB_FORMAT = 'newsroom-outbox-job';
export const OUTBOX_SCHEMA_VERSION = 1;

export const JOB_ACTIONS = ['create', 'update', 'unpublish'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/**
 * - pending: not tried yet, or put back by the user; it may still wait for `notBefore` (an embargo).
 * - sending: written BEFORE the request goes out, so a job found in it at start-up was cut off
 *   mid-send and its outcome is unknown.
 * - waiting: a try failed in a way that may pass; tried again at `notBefore`.
 * - held: the CMS refused the account's sign-in (401); waits for `resume(profileId)`.
 * - failed: needs attention; sending it again as it is would fail again or do harm.
 * - done: the CMS has it; `result` says where.
 *
 * "Outcome unknown" is the flag `outcomeUnknown`, not a state: it must survive a wait, a 401 hold
 * or a parked job, and it means the next try reconciles with the CMS before any re-send.
 */
export const JOB_STATES = ['pending', 'sending', 'waiting', 'held', 'failed', 'done'] as const;
export type JobState = (typeof JOB_STATES)[number];

const IsoDate = z.iso.datetime({ offset: true });

export const JobErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** A sentence a journalist can act on. */
  message: z.string(),
  status: z.number().int().min(100).max(599).optional(),
});
export type JobError = z.infer<typeof JobErrorSchema>;

/**
 * Where the CMS put it. `version` is the CMS's own mark of the copy it now holds (Ghost
 * `updated_at`, WordPress `modified_gmt`, an ETag): the next update sends it back as its base, so
 * a change made on the CMS in between is noticed instead of overwritten.
 */
export const RemoteResultSchema = z.object({
  remoteId: z.string().min(1),
  url: z.string(),
  version: z.string().optional(),
  slug: z.string().optional(),
});
export type RemoteResult = z.infer<typeof RemoteResultSchema>;

const JobFields = z.object({
  id: z.uuid(),
  /** Breaks ties between jobs created in the same millisecond. */
  seq: z.number().int().nonnegative(),
  /** The same for every attempt of this action; 255 is Stripe's limit, which CMS keys share. */
  idempotencyKey: z.string().min(1).max(255),
  draftId: z.uuid(),
  profileId: z.string().min(1),
  action: z.enum(JOB_ACTIONS),
  /** What the adapter sends; it validates it, the outbox only stores it. */
  payload: z.unknown(),
  state: z.enum(JOB_STATES),
  outcomeUnknown: z.boolean(),
  /** Requests that could have changed the CMS (sends, not reconcile look-ups). */
  attempts: z.number().int().nonnegative(),
  /** Failed tries in a row: the backoff exponent. The user's retry or resume resets it. */
  failures: z.number().int().nonnegative(),
  /** HTTP 500-class answers: retried a few times only, then the job is parked. */
  serverErrors: z.number().int().nonnegative(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  notBefore: IsoDate,
  lastError: JobErrorSchema.optional(),
  result: RemoteResultSchema.optional(),
});

const doneHasResult = (job: { state: JobState; result?: RemoteResult | undefined }): boolean =>
  (job.state === 'done') === (job.result !== undefined);
const DONE_RULE = { message: 'A done job has a result, and only a done job has one.' };

export const OutboxJobSchema = JobFields.refine(doneHasResult, DONE_RULE);
export type OutboxJob = z.infer<typeof OutboxJobSchema>;

export const JobFileSchema = JobFields.extend({
  format: z.literal(OUTBOX_JOB_FORMAT),
  schemaVersion: z.literal(OUTBOX_SCHEMA_VERSION),
}).refine(doneHasResult, DONE_RULE);

export interface NewJob {
  draftId: string;
  profileId: string;
  action: JobAction;
  payload: unknown;
  /** Given only when re-queuing an action that already had one (the CMS may know it). */
  idempotencyKey?: string | undefined;
  /** Not sent before this time (an embargo); defaults to now. */
  notBefore?: string | undefined;
}

export type JobFileCheck =
  | { kind: 'ok'; job: OutboxJob }
  /** Written by a newer Newsroom: left where it is, for that version to send. */
  | { kind: 'newer'; schemaVersion: number }
  /** `reason` is for the journalist; `detail` (zod's report) is for the log. */
  | { kind: 'corrupt'; reason: string; detail?: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `expectedId` is the file's name: a job copied under another name would be sent twice. */
export function checkJobText(text: string, expectedId?: string): JobFileCheck {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { kind: 'corrupt', reason: 'The publishing job file is empty.' };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { kind: 'corrupt', reason: 'The publishing job file is damaged: it is not complete.' };
  }
  if (!isRecord(raw) || raw.format !== OUTBOX_JOB_FORMAT) {
    return { kind: 'corrupt', reason: 'The file is not a Newsroom publishing job.' };
  }
  const version = raw.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > OUTBOX_SCHEMA_VERSION) {
    return { kind: 'newer', schemaVersion: version };
  }
  const parsed = JobFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      kind: 'corrupt',
      reason: 'The publishing job file is damaged: some of its parts are missing or wrong.',
      detail: z.prettifyError(parsed.error),
    };
  }
  if (expectedId !== undefined && parsed.data.id !== expectedId) {
    return { kind: 'corrupt', reason: 'The publishing job file has another job’s name.' };
  }
  const { format: _format, schemaVersion: _version, ...job } = parsed.data;
  return { kind: 'ok', job };
}

/** Fixed key order and indent: a person comparing two job files sees only what changed. */
export function serializeJob(job: OutboxJob): string {
  const file = {
    format: OUTBOX_JOB_FORMAT,
    schemaVersion: OUTBOX_SCHEMA_VERSION,
    id: job.id,
    seq: job.seq,
    idempotencyKey: job.idempotencyKey,
    draftId: job.draftId,
    profileId: job.profileId,
    action: job.action,
    state: job.state,
    outcomeUnknown: job.outcomeUnknown,
    attempts: job.attempts,
    failures: job.failures,
    serverErrors: job.serverErrors,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    notBefore: job.notBefore,
    lastError: job.lastError,
    result: job.result,
    payload: job.payload ?? null,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Jobs are sent in this order: creation time, then sequence number. */
export const compareJobs = (a: OutboxJob, b: OutboxJob): number =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.seq - b.seq;
