import { z } from 'zod';
import { type Article, type ArticleInput, ArticleSchema } from '../../../shared/model/article';
import { AppFailure } from '../../../shared/ipc/result';
import { migrateV1StoryFields } from './migrations/v1-story-fields';
import { migrateV2Review } from './migrations/v2-review';
import { DRAFT_SCHEMA_VERSION, type Draft, type DraftFile, DraftFileSchema } from '../../../shared/model/draft';

/**
 * The on-disk form of one draft: `drafts/<id>/draft.json`, pretty-printed so a person can open
 * it in any text editor. Reading never throws: it says what it found, and the store decides.
 */
export const DRAFT_FILE_NAME = 'draft.json';

export type DraftFileCheck =
  | { kind: 'ok'; draft: Draft }
  /** Written by a newer Newsroom: readable to it, so it stays where it is. */
  | { kind: 'newer'; schemaVersion: number }
  /** `reason` is for the journalist; `detail` (zod's report) is for the log. */
  | { kind: 'corrupt'; reason: string; detail?: string };

export const NEWER_VERSION_REASON = 'This draft was saved by a newer version of Newsroom.';

type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

/**
 * Key N upgrades a schemaVersion N file to N + 1. To change the shape: bump
 * DRAFT_SCHEMA_VERSION in shared/model/draft.ts, add the step here (it must set the new
 * schemaVersion), and add a test that reads a version N file. Never edit a published step.
 */
const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: migrateV1StoryFields,
  2: migrateV2Review,
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Brings an older draft file up to the current schema; anything else is returned as it is. */
export function migrateDraftFile(raw: unknown): unknown {
  let file = raw;
  while (isRecord(file) && typeof file.schemaVersion === 'number' && file.schemaVersion < DRAFT_SCHEMA_VERSION) {
    const step = MIGRATIONS[file.schemaVersion];
    if (step === undefined) return file; // no way up: the schema check reports it
    file = step(file);
  }
  return file;
}

export function checkDraftText(text: string): DraftFileCheck {
  // A byte-order mark from a Windows editor is harmless: JSON.parse alone would reject it.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { kind: 'corrupt', reason: 'The draft file is empty.' };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { kind: 'corrupt', reason: 'The draft file is damaged: it is not complete (it may have been cut off).' };
  }
  if (!isRecord(raw) || raw.format !== 'newsroom-draft') {
    return { kind: 'corrupt', reason: 'The file is not a Newsroom draft.' };
  }
  const version = raw.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > DRAFT_SCHEMA_VERSION) {
    return { kind: 'newer', schemaVersion: version };
  }
  const parsed = DraftFileSchema.safeParse(migrateDraftFile(raw));
  if (!parsed.success) {
    return {
      kind: 'corrupt',
      reason: 'The draft file is damaged: some of its parts are missing or wrong.',
      detail: z.prettifyError(parsed.error),
    };
  }
  const { id, createdAt, updatedAt, revision, article, publication, review } = parsed.data;
  return { kind: 'ok', draft: { id, createdAt, updatedAt, revision, article, publication, review } };
}

/** Fixed key order, two-space indent, final newline: stable diffs for a person comparing files. */
export function serializeDraft(draft: Draft): string {
  const file: DraftFile = {
    format: 'newsroom-draft',
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id: draft.id,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    revision: draft.revision,
    publication: draft.publication,
    review: draft.review,
    // The body last: the story fields read first when a person opens the file.
    article: { ...draft.article, body: BODY_PLACEHOLDER as unknown as Draft['article']['body'] },
  };
  // The envelope is indented for people reading the file; the body, most of the bytes, is
  // written compact: indenting it doubled the time of every autosave of a long story.
  const body = JSON.stringify(draft.article.body);
  return `${JSON.stringify(file, null, 2).replace(PLACEHOLDER_JSON, () => body)}\n`;
}

/** Cannot occur in real JSON output: a NUL inside a string is always written escaped. */
const BODY_PLACEHOLDER = '\u0000newsroom-body\u0000';
const PLACEHOLDER_JSON = JSON.stringify(BODY_PLACEHOLDER);

/** Never write what we would refuse to read back: that would set the user's own draft aside. */
export function checkArticle(article: ArticleInput): Article {
  const parsed = ArticleSchema.safeParse(article);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? 'article';
    throw new AppFailure('INVALID_INPUT', `The draft is not valid (check ${where}).`);
  }
  return parsed.data;
}
