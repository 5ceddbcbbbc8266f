import type { z } from 'zod';

/**
 * Parses one node's JSON with its schema and throws an Error that names the node and the field,
 * so a damaged or hostile draft fails to load with a readable reason instead of rendering.
 */
export function parseNodeJson<S extends z.ZodType>(nodeType: string, schema: S, json: unknown): z.output<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new Error(`This document has a damaged "${nodeType}" block${where}: ${issue?.message ?? 'invalid data'}.`);
}
