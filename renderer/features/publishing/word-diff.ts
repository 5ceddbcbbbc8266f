import { diffWords } from 'diff';

/**
 * A word-level comparison of two HTML bodies by their text. The HTML (the CMS's copy may hold
 * anything) is read with DOMParser into an inert document and only its text is kept: nothing of it
 * is ever put into the page as markup.
 */

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'PRE', 'TR', 'SECTION', 'ARTICLE', 'FIGURE']);
// Text of these never shows on the page.
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function collect(node: Node, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(node.nodeValue ?? '');
    return;
  }
  if (node.nodeType !== 1) return;
  const tag = (node as Element).tagName.toUpperCase();
  if (SKIPPED.has(tag)) return;
  if (tag === 'BR') {
    out.push('\n');
    return;
  }
  for (const child of node.childNodes) collect(child, out);
  // Paragraphs stay apart: "end.Next" would read as one changed word.
  if (BLOCKS.has(tag)) out.push('\n');
}

/** The visible text of an HTML fragment, one line per block, spaces tidied. */
export function textOfHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out: string[] = [];
  collect(doc.body, out);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** What changed from the web copy (`before`) to ours (`after`): added is only ours, removed only the web's. */
export function wordDiff(beforeHtml: string, afterHtml: string): DiffPart[] {
  return diffWords(textOfHtml(beforeHtml), textOfHtml(afterHtml)).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}
