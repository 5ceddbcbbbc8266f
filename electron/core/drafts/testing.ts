import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Article, newArticle } from '../../../shared/model/article';
import type { Clock } from '../ports';

/** Test helpers for the draft store; not imported by app code. */

/** A clock that moves one second forward on every reading, so updatedAt values differ. */
export function steppingClock(start = '2025-06-01T09:00:00.000Z'): Clock {
  let ms = Date.parse(start);
  return {
    now: () => {
      const date = new Date(ms);
      ms += 1_000;
      return date;
    },
  };
}

/** An article whose body is one paragraph per string. */
export function articleWith(headline: string, ...paragraphs: string[]): Article {
  // Not parsed: tests hand the store articles it must refuse, too.
  return {
    ...newArticle(),
    headline,
    body: {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: paragraphs.map((text) => ({
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
        })),
      },
    },
  };
}

/** A fresh folder under the OS temp dir, and its clean-up. */
export async function tempFolder(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
