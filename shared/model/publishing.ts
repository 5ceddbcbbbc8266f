import { z } from 'zod';
import { ERROR_CODES } from '../ipc/result';
import { CMS_KINDS } from './cms-profiles';

/**
 * What publishing looks like from both sides of the IPC: the publish log of a draft, the outbox's
 * jobs as the journalist sees them, a connection verdict, a mapping preview and a conflict. The
 * main process keeps the files; the renderer reads these shapes and works out the badges itself.
 */

const IsoDate = z.iso.datetime({ offset: true });

/** `file`: sent to the CMS for review (WordPress `pending`, Ghost draft with the review tag), not published. */
export const LOG_ACTIONS = ['publish', 'schedule', 'update', 'unpublish', 'correction', 'file'] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

export const LogEntrySchema = z.object({
  /** The outbox job that carries the action; progress finds its entry by it. */
  jobId: z.uuid(),
  profileId: z.string().min(1),
  /** As the profile was named when queued: the log still reads right after a rename or removal. */
  profileName: z.string(),
  action: z.enum(LOG_ACTIONS),
  queuedAt: IsoDate,
  finishedAt: IsoDate.optional(),
  /** queued: not delivered yet (also while it waits to retry); sent: the CMS has it; failed: needs attention. */
  state: z.enum(['queued', 'sent', 'failed']),
  remoteId: z.string().optional(),
  url: z.string().optional(),
  version: z.string().optional(),
  /** The draft revision the job carries. */
  revision: z.number().int().nonnegative(),
  /** The last problem, in the words the journalist saw (also while a queued job waits to retry). */
  message: z.string().optional(),
  /** The code behind `message` (CONFLICT opens the comparison). */
  code: z.enum(ERROR_CODES).optional(),
  correctionNote: z.string().optional(),
  /** A schedule: when the CMS makes it live. */
  publishAt: IsoDate.optional(),
  /** An embargo: not sent before this time. */
  embargoUntil: IsoDate.optional(),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

export interface PublishLog {
  entries: LogEntry[];
}

/** `in-review`: filed to the desk (WordPress `pending`, Ghost draft with the desk tag), not live. */
export const LIVE_STATES = ['not-published', 'up-to-date', 'behind', 'unpublished', 'scheduled', 'in-review'] as const;
export type LiveState = (typeof LIVE_STATES)[number];

/** The last entry the CMS accepted for this profile, whatever its action. */
export function latestFor(log: PublishLog, profileId: string): LogEntry | undefined {
  return log.entries.findLast((entry) => entry.profileId === profileId && entry.state === 'sent');
}

/**
 * How the copy on this profile's CMS stands against the draft. `now` decides whether a scheduled
 * story has gone live since (then it is judged like any live copy).
 */
export function liveState(log: PublishLog, profileId: string, currentRevision: number, now: Date = new Date()): LiveState {
  const latest = latestFor(log, profileId);
  if (latest === undefined) return 'not-published';
  if (latest.action === 'unpublish') return 'unpublished';
  if (latest.action === 'file') return 'in-review';
  if (latest.action === 'schedule' && latest.publishAt !== undefined && Date.parse(latest.publishAt) > now.getTime()) return 'scheduled';
  return latest.revision < currentRevision ? 'behind' : 'up-to-date';
}

/** What the journalist asks for. `publish` becomes an update when the story is already on that CMS. */
export const PublishRequestSchema = z
  .object({
    draftId: z.uuid(),
    profileId: z.uuid(),
    kind: z.enum(LOG_ACTIONS),
    publishAt: IsoDate.optional(),
    embargoUntil: IsoDate.optional(),
    correctionNote: z.string().max(2_000).optional(),
    overwrite: z.boolean().optional(),
  })
  .strict();
export type PublishRequestInput = z.infer<typeof PublishRequestSchema>;

export const ConnectionVerdictSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), account: z.string(), canPublish: z.boolean() }),
  z.object({
    ok: z.literal(false),
    code: z.enum(['AUTH_FAILED', 'FORBIDDEN', 'UNREACHABLE', 'TIMEOUT', 'TLS_ERROR', 'BAD_RESPONSE', 'NOT_CONFIGURED', 'IO_ERROR']),
    message: z.string(),
  }),
]);
export type ConnectionVerdictView = z.infer<typeof ConnectionVerdictSchema>;

export const MappingPreviewSchema = z.object({
  profileId: z.uuid(),
  profileName: z.string(),
  kind: z.enum(CMS_KINDS),
  sent: z.array(z.object({ field: z.string(), value: z.string() })),
  lost: z.array(z.string()),
  body: z.string(),
});
export type MappingPreviewView = z.infer<typeof MappingPreviewSchema>;

/** One outbox job as the app shows it: no payload, never a secret. */
export const OutboxJobViewSchema = z.object({
  id: z.uuid(),
  draftId: z.uuid(),
  profileId: z.string(),
  profileName: z.string(),
  action: z.enum(['create', 'update', 'unpublish']),
  state: z.enum(['pending', 'sending', 'waiting', 'held', 'failed', 'done']),
  createdAt: IsoDate,
  /** When it goes (again): an embargo, a backoff or a CMS's Retry-After. */
  notBefore: IsoDate,
  attempts: z.number().int().nonnegative(),
  outcomeUnknown: z.boolean(),
  lastError: z.object({ code: z.enum(ERROR_CODES), message: z.string(), status: z.number().int().optional() }).optional(),
  url: z.string().optional(),
});
export type OutboxJobView = z.infer<typeof OutboxJobViewSchema>;

export const OutboxViewSchema = z.object({
  /** Every job not yet done, oldest first. */
  jobs: z.array(OutboxJobViewSchema),
  /** Job files that could not be read (kept aside), in plain words. */
  problems: z.array(z.object({ file: z.string(), reason: z.string() })),
  /** Accounts whose sign-in the CMS refused: their jobs wait for "Try again" after fixing it. */
  stoppedProfiles: z.array(z.string()),
});
export type OutboxView = z.infer<typeof OutboxViewSchema>;

/** Where the story stands on one profile, for the badge and the actions offered. */
export const LiveStatusSchema = z.object({
  profileId: z.string(),
  profileName: z.string(),
  state: z.enum(LIVE_STATES),
  url: z.string().optional(),
  /** The last action the CMS accepted, and when. */
  lastAction: z.enum(LOG_ACTIONS).optional(),
  at: IsoDate.optional(),
  publishAt: IsoDate.optional(),
});
export type LiveStatus = z.infer<typeof LiveStatusSchema>;

export const PublishStatusSchema = z.object({
  /** The profile this draft publishes to (its own choice, or the desk's default). */
  profileId: z.uuid(),
  revision: z.number().int().nonnegative(),
  entries: z.array(LogEntrySchema),
  live: z.array(LiveStatusSchema),
  /** The publish log could not be read as it was. */
  problem: z.string().optional(),
});
export type PublishStatus = z.infer<typeof PublishStatusSchema>;

/** The copy on the CMS against ours, when an update found it changed there. */
export const ConflictViewSchema = z.object({
  profileName: z.string(),
  /** Null when the post is gone from the CMS. */
  remote: z
    .object({ title: z.string(), html: z.string(), status: z.string(), url: z.string(), version: z.string() })
    .nullable(),
  local: z.object({ title: z.string(), html: z.string() }),
});
export type ConflictView = z.infer<typeof ConflictViewSchema>;
