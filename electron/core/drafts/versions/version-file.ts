import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ReviewRecordSchema } from '../../../../shared/model/review';
import { type Article } from '../../../../shared/model/article';
import { PublicationSchema } from '../../../../shared/model/draft';
import { type Version, type VersionMeta, VersionMetaSchema, VersionSchema } from '../../../../shared/model/versions';

/**
 * The on-disk forms of a draft's versions, beside the draft:
 *   `<draft>/versions/<versionId>.json`  one version (format marker, schema version, the Version)
 *   `<draft>/versions/index.json`        metadata of every version, so listing reads one file
 * The index is a cache: when it is missing, damaged or does not match the files, it is rebuilt
 * from them. Reading never throws: it says what it found, and the store decides.
 */
export const VERSIONS_FOLDER = 'versions';
export const INDEX_FILE_NAME = 'index.json';
export const VERSION_SCHEMA_VERSION = 1;

/** Only `<uuid>.json` is a version: set-aside copies and temps never count. */
const VERSION_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/i;
export const versionFileName = (id: string): string => `${id}.json`;
export const versionIdOfFile = (name: string): string | undefined => VERSION_FILE.exec(name)?.[1];

const IsoDate = z.iso.datetime({ offset: true });

/**
 * What a version file holds beyond the Version: when its burst began (so a rebuilt index still
 * coalesces right) and the draft's creation time and publication record, so that recovering a
 * damaged draft from its newest version keeps its age and where it was published.
 */
const VersionExtras = z.object({
  startedAt: IsoDate.optional(),
  draftCreatedAt: IsoDate.optional(),
  publication: PublicationSchema.optional(),
  /** The desk status and sign-offs when the version was made (kept by recovery; a restore leaves the status alone). */
  review: ReviewRecordSchema.optional(),
});

export const VersionFileSchema = VersionSchema.extend(VersionExtras.shape).extend({
  format: z.literal('newsroom-version'),
  schemaVersion: z.literal(VERSION_SCHEMA_VERSION),
});
export type VersionFile = z.infer<typeof VersionFileSchema>;
export type StoredVersion = Omit<VersionFile, 'format' | 'schemaVersion'>;

/** One index entry: the metadata, when the burst began, and a fingerprint of the text (no file read to compare). */
export const IndexEntrySchema = VersionMetaSchema.extend({ startedAt: IsoDate, fingerprint: z.string() });
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

const IndexFileSchema = z.object({
  format: z.literal('newsroom-version-index'),
  schemaVersion: z.literal(VERSION_SCHEMA_VERSION),
  /** Oldest first: the last entry is the newest version. */
  versions: z.array(IndexEntrySchema),
});

/** A stable fingerprint of an article (fields and body), to tell "no change" without reading the version. */
export const fingerprintOf = (article: Article): string => createHash('sha256').update(JSON.stringify(article)).digest('hex');

export function entryOf(version: StoredVersion): IndexEntry {
  return { ...metaOf(version), startedAt: version.startedAt ?? version.savedAt, fingerprint: fingerprintOf(version.article) };
}

/** What the renderer sees: exactly VersionMeta, nothing of our bookkeeping. */
export function metaOf(entry: VersionMeta): VersionMeta {
  const { id, draftId, revision, savedAt, kind, name, headline, wordCount } = entry;
  return { id, draftId, revision, savedAt, kind, ...(name === undefined ? {} : { name }), headline, wordCount };
}

export function versionOf(stored: StoredVersion): Version {
  return { ...metaOf(stored), article: stored.article };
}

export function serializeVersion(version: StoredVersion): string {
  const file: VersionFile = { format: 'newsroom-version', schemaVersion: VERSION_SCHEMA_VERSION, ...version };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function serializeIndex(entries: readonly IndexEntry[]): string {
  return `${JSON.stringify({ format: 'newsroom-version-index', schemaVersion: VERSION_SCHEMA_VERSION, versions: entries }, null, 2)}\n`;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return undefined;
  }
};

/** The version in `text`, or undefined when it is damaged or not ours (the caller sets it aside). */
export function parseVersion(text: string, expectedId: string): StoredVersion | undefined {
  const parsed = VersionFileSchema.safeParse(parseJson(text));
  if (!parsed.success || parsed.data.id.toLowerCase() !== expectedId.toLowerCase()) return undefined;
  const { format: _format, schemaVersion: _schema, ...stored } = parsed.data;
  return stored;
}

/** The index entries in `text`, or undefined when it must be rebuilt. */
export function parseIndex(text: string): IndexEntry[] | undefined {
  const parsed = IndexFileSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data.versions : undefined;
}

/** For the temp sweep: is this a complete version or index file? */
export const isVersionsFileText = (text: string): boolean =>
  parseIndex(text) !== undefined || VersionFileSchema.safeParse(parseJson(text)).success;
