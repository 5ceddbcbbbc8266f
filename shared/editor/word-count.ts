import type { EditorStateJson } from '../model/article';

/**
 * Counts words the way an editor reads them: letters and digits, with inner apostrophes and
 * hyphens kept inside the word ("Ávila-Polo's" is one word). Works on the saved JSON, so the
 * library can count without loading an editor.
 */
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count += 1;
  return count;
}

/** The plain text of a body, blocks separated by newlines. */
export function plainTextOf(body: EditorStateJson): string {
  const blocks: string[] = [];
  const walkInline = (node: unknown, out: string[]): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as { type?: unknown; text?: unknown; children?: unknown };
    if (typeof record.text === 'string') out.push(record.text);
    else if (record.type === 'linebreak') out.push('\n');
    if (Array.isArray(record.children)) for (const child of record.children) walkInline(child, out);
  };
  const walkBlock = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as { type?: unknown; children?: unknown };
    const children = Array.isArray(record.children) ? record.children : [];
    // Lists hold list items, which may hold nested lists: each item is its own block.
    const isContainer = record.type === 'list' || children.some((c) => isBlockLike(c));
    if (isContainer) {
      for (const child of children) walkBlock(child);
      return;
    }
    const out: string[] = [];
    walkInline(node, out);
    blocks.push(out.join(''));
  };
  for (const child of body.root.children) walkBlock(child);
  return blocks.join('\n');
}

function isBlockLike(node: unknown): boolean {
  if (typeof node !== 'object' || node === null) return false;
  const type = (node as { type?: unknown }).type;
  return type === 'list' || type === 'listitem' || type === 'paragraph' || type === 'heading' || type === 'quote';
}

export const countBodyWords = (body: EditorStateJson): number => countWords(plainTextOf(body));
