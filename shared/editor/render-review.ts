import type { CommentThread } from '../model/review';
import type { BodyBlock, ListBlock, MarkedInline } from './body-model';
import { escapeHtml, stampText } from './render-html';

/**
 * The comments of a review export (`drafts.export {review}`): numbered in the order their passages
 * appear in the story, then those whose passage was deleted, and written as a "Comments" section
 * at the end of the file. Never used when publishing.
 */

export interface NumberedComments {
  /** Threads in the order they are numbered (1, 2, …). */
  threads: readonly CommentThread[];
  numbers: ReadonlyMap<string, number>;
  /** Threads still anchored in the text (the others were left without their passage). */
  anchored: ReadonlySet<string>;
}

function idsIn(content: readonly MarkedInline[], found: string[]): void {
  for (const part of content) {
    if (part.kind === 'comment') for (const id of part.ids) if (!found.includes(id)) found.push(id);
    if (part.kind === 'link' || part.kind === 'suggestion' || part.kind === 'comment') idsIn(part.children, found);
  }
}

function idsInList(list: ListBlock<MarkedInline>, found: string[]): void {
  for (const item of list.items) {
    idsIn(item.content, found);
    for (const nested of item.lists) idsInList(nested, found);
  }
}

export function numberComments(blocks: readonly BodyBlock<MarkedInline>[], threads: readonly CommentThread[]): NumberedComments {
  const found: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'list') idsInList(block, found);
    else if ('content' in block) idsIn(block.content, found);
  }
  const known = new Map(threads.map((thread) => [thread.id, thread]));
  const anchored = found.filter((id) => known.has(id));
  const ordered = [...anchored.map((id) => known.get(id)!), ...threads.filter((thread) => !anchored.includes(thread.id))];
  return {
    threads: ordered,
    numbers: new Map(ordered.map((thread, index) => [thread.id, index + 1])),
    anchored: new Set(anchored),
  };
}

const DELETED = 'The commented text was deleted.';

export function commentsSectionHtml({ threads, anchored }: NumberedComments): string {
  if (threads.length === 0) return '';
  const items = threads.map((thread, index) => {
    const comments = thread.comments
      .map(
        (comment) =>
          `<p class="comment"><strong>${escapeHtml(comment.by.name)}</strong> <time datetime="${escapeHtml(comment.by.at)}">${escapeHtml(stampText(comment.by).slice(comment.by.name.length + 2))}</time>: ${escapeHtml(comment.text)}</p>`,
      )
      .join('');
    const orphan = anchored.has(thread.id) ? '' : `<p class="comment-orphan">${DELETED}</p>`;
    const resolved = thread.resolved ? `<p class="comment-resolved">Resolved by ${escapeHtml(stampText(thread.resolved))}</p>` : '';
    return `<li id="comment-${index + 1}"><blockquote>${escapeHtml(thread.quote)}</blockquote>${orphan}${comments}${resolved}</li>`;
  });
  return `<section class="comments"><h2>Comments</h2><ol>${items.join('')}</ol></section>`;
}

function plainLines({ threads, anchored }: NumberedComments, escape: (text: string) => string): string[] {
  return threads.map((thread, index) => {
    const lines = [`[${index + 1}] “${escape(thread.quote)}”`];
    if (!anchored.has(thread.id)) lines.push(`    (${DELETED})`);
    for (const comment of thread.comments) lines.push(`    ${escape(stampText(comment.by))}: ${escape(comment.text)}`);
    if (thread.resolved) lines.push(`    Resolved by ${escape(stampText(thread.resolved))}`);
    return lines.join('\n');
  });
}

export function commentsSectionText(numbered: NumberedComments): string {
  if (numbered.threads.length === 0) return '';
  return ['COMMENTS', ...plainLines(numbered, (text) => text)].join('\n\n');
}

/**
 * Markdown's inline punctuation is backslash-escaped in comment text, so a comment cannot become
 * markup (lines never start with it, so `-`, `+` and `#` at a line start cannot occur).
 */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]<>|~=]/g, '\\$&').replace(/\n/g, ' ');

export function commentsSectionMarkdown(numbered: NumberedComments): string {
  if (numbered.threads.length === 0) return '';
  // Indented lines would be code blocks in Markdown: each thread is a paragraph with line breaks.
  const threads = plainLines(numbered, escapeMarkdown).map((thread) => thread.replace(/\n {4}/g, '  \n'));
  return ['## Comments', ...threads].join('\n\n');
}
