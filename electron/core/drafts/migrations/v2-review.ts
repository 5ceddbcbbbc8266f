const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 2 drafts had no review. Version 3 adds the desk status with its trail of sign-offs
 * (a version 2 draft starts as a Draft with an empty trail; one already published keeps that
 * fact in its publication record, not in a made-up sign-off) and the article's comment threads.
 */
export function migrateV2Review(file: Record<string, unknown>): Record<string, unknown> {
  const article = isRecord(file.article) ? file.article : {};
  return {
    ...file,
    schemaVersion: 3,
    review: { status: 'draft', trail: [] },
    article: { comments: [], ...article },
  };
}
