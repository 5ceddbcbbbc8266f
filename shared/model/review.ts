import { z } from 'zod';

/**
 * Review (issue 7): who is working, where a story stands on the desk, comments on passages and
 * suggested changes. Superdesk and Google Docs keep this on a server; Newsroom keeps it in the
 * draft file, so it works offline and travels with the story (to the CMS when filed, see
 * electron/core/desk/).
 */

const IsoDate = z.iso.datetime({ offset: true });

/** The person at this machine, as every status change, comment, suggestion and version records them. */
export const UserSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(80, 'Keep the name under 80 characters.'),
  /** Two or three letters shown beside comments and suggestions ("MO"). */
  initials: z
    .string()
    .trim()
    .min(1, 'Enter your initials.')
    .max(4, 'Initials are at most four letters.')
    .regex(/^[\p{L}\p{N}.]+$/u, 'Initials are letters (and digits) only.'),
});
export type User = z.infer<typeof UserSchema>;

/** Who did something, and when: the stamp on a status change, comment, suggestion or version. */
export const StampSchema = z.object({ name: z.string().max(80), initials: z.string().max(4), at: IsoDate });
export type Stamp = z.infer<typeof StampSchema>;

/** The desk's workflow, in the order a story moves through it. */
export const WORKFLOW_STATUSES = ['draft', 'filed', 'in-edit', 'ready', 'published', 'spiked'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export const STATUS_LABELS: Record<WorkflowStatus, string> = {
  draft: 'Draft',
  filed: 'Filed',
  'in-edit': 'In edit',
  ready: 'Ready to publish',
  published: 'Published',
  spiked: 'Spiked',
};

/**
 * The moves a person may make. Published is also reached by the app itself when a publish is
 * delivered, and Spiked when the draft is spiked; a spiked story comes back as a draft.
 */
export const ALLOWED_MOVES: Record<WorkflowStatus, readonly WorkflowStatus[]> = {
  draft: ['filed', 'spiked'],
  filed: ['in-edit', 'draft', 'spiked'],
  'in-edit': ['ready', 'filed', 'draft', 'spiked'],
  ready: ['published', 'in-edit', 'spiked'],
  published: ['in-edit'],
  spiked: ['draft'],
};

export const canMove = (from: WorkflowStatus, to: WorkflowStatus): boolean => ALLOWED_MOVES[from].includes(to);

/** One move in the trail of sign-offs. */
export const StatusChangeSchema = z.object({
  from: z.enum(WORKFLOW_STATUSES),
  to: z.enum(WORKFLOW_STATUSES),
  by: StampSchema,
  note: z.string().max(2_000).optional(),
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;

export const ReviewRecordSchema = z.object({
  status: z.enum(WORKFLOW_STATUSES),
  /** Oldest first. */
  trail: z.array(StatusChangeSchema).max(10_000),
});
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>;
export const newReviewRecord = (): ReviewRecord => ({ status: 'draft', trail: [] });

/** One message in a comment thread. */
export const CommentSchema = z.object({
  id: z.string().min(1).max(64),
  by: StampSchema,
  text: z.string().trim().min(1).max(10_000),
});
export type Comment = z.infer<typeof CommentSchema>;

/**
 * A comment thread, anchored to a passage of the body by a Lexical MarkNode carrying the thread's
 * id (so the anchor moves with the text around it). `quote` is the passage as it was commented on,
 * shown when the marked text has since been deleted. Stored in the article, so saving, versions,
 * restore and duplicate carry threads and anchors together; never published.
 */
export const CommentThreadSchema = z.object({
  id: z.string().min(1).max(64),
  quote: z.string().max(2_000),
  comments: z.array(CommentSchema).min(1).max(1_000),
  resolved: StampSchema.nullable(),
});
export type CommentThread = z.infer<typeof CommentThreadSchema>;

/**
 * A suggested change, as carried by a SuggestionNode in the body (shared/editor/nodes/
 * suggestion-node.ts): an insertion (its text is new), a deletion (its text is struck) or a format
 * change (its text's `format` was toggled to `on`; rejecting toggles it back).
 */
export const SUGGESTION_KINDS = ['insert', 'delete', 'format'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
export const SUGGESTIBLE_FORMATS = ['bold', 'italic', 'underline', 'strikethrough', 'code', 'subscript', 'superscript'] as const;

export const SuggestionAttrsSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(SUGGESTION_KINDS),
  by: StampSchema,
  /** Format changes only: which format, and the value it was set to. */
  format: z.enum(SUGGESTIBLE_FORMATS).optional(),
  on: z.boolean().optional(),
});
export type SuggestionAttrs = z.infer<typeof SuggestionAttrsSchema>;

/** Who holds a draft in a shared drafts folder (the hand-off), and since when. */
export const HolderSchema = z.object({
  name: z.string().max(80),
  initials: z.string().max(4),
  /** This install's id, so two people with one name on two machines are told apart. */
  installId: z.string().min(1).max(64),
  since: IsoDate,
  /** Refreshed while the draft is open; a holder not seen for HOLD_STALE_MS is stale. */
  seenAt: IsoDate,
});
export type Holder = z.infer<typeof HolderSchema>;
/** A hold not refreshed for this long may be taken over (with a warning). */
export const HOLD_STALE_MS = 10 * 60_000;
/** How often an open draft refreshes its hold. */
export const HOLD_REFRESH_MS = 60_000;
