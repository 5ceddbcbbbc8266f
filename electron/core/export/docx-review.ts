import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import type { BodyBlock, ListBlock, MarkedInline } from '../../../shared/editor/body-model';
import type { NumberedComments } from '../../../shared/editor/render-review';
import type { SuggestionAttrs } from '../../../shared/model/review';

/**
 * Word's own review marks for a .docx exported with `review`: each comment thread becomes Word
 * comments (the first comment, then its replies threaded under it) around the passage, and each
 * pending suggestion a tracked insertion or deletion with its author and date, so Word's Review
 * tab can accept or reject it. A passage split over several marks (or paragraphs) gets one range,
 * from its first mark to its last.
 */

export interface TrackedChange {
  id: number;
  author: string;
  date: string;
}

function countSegments(content: readonly MarkedInline[], counts: Map<string, number>): void {
  for (const part of content) {
    if (part.kind === 'comment') for (const id of part.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    if (part.kind === 'link' || part.kind === 'suggestion' || part.kind === 'comment') countSegments(part.children, counts);
  }
}

function countInList(list: ListBlock<MarkedInline>, counts: Map<string, number>): void {
  for (const item of list.items) {
    countSegments(item.content, counts);
    for (const nested of item.lists) countInList(nested, counts);
  }
}

export class DocxReview {
  /** Word ids of each thread's comments, the first one anchoring the range. */
  private readonly wordIds = new Map<string, number[]>();
  private readonly remaining = new Map<string, number>();
  private readonly started = new Set<string>();
  private nextChange = 1;

  constructor(
    blocks: readonly BodyBlock<MarkedInline>[],
    private readonly numbered: NumberedComments,
  ) {
    for (const block of blocks) {
      if (block.kind === 'list') countInList(block, this.remaining);
      else if ('content' in block) countSegments(block.content, this.remaining);
    }
    let next = 0;
    for (const thread of numbered.threads) this.wordIds.set(thread.id, thread.comments.map(() => next++));
  }

  /** A fresh tracked-change id (unique in the document) with who suggested it and when. */
  change(suggestion: SuggestionAttrs): TrackedChange {
    return { id: this.nextChange++, author: suggestion.by.name, date: suggestion.by.at };
  }

  /** Range starts for the threads whose passage begins here. */
  open(ids: readonly string[]): ParagraphChild[] {
    const children: ParagraphChild[] = [];
    for (const id of ids) {
      const word = this.wordIds.get(id);
      if (!word || this.started.has(id)) continue;
      this.started.add(id);
      children.push(...word.map((n) => new CommentRangeStart(n)));
    }
    return children;
  }

  /** Range ends and references for the threads whose passage ends here. */
  close(ids: readonly string[]): ParagraphChild[] {
    const children: ParagraphChild[] = [];
    for (const id of ids) {
      const word = this.wordIds.get(id);
      const left = (this.remaining.get(id) ?? 1) - 1;
      this.remaining.set(id, left);
      if (!word || left > 0) continue;
      children.push(...word.map((n) => new CommentRangeEnd(n)), ...word.map((n) => new TextRun({ children: [new CommentReference(n)] })));
    }
    return children;
  }

  /** Threads whose passage was deleted, anchored to the headline so Word still lists them. */
  orphans(): ParagraphChild[] {
    const ids = this.numbered.threads.filter((thread) => !this.numbered.anchored.has(thread.id)).map((thread) => thread.id);
    return [...this.open(ids), ...this.close(ids)];
  }

  /** The `comments` of the Document. */
  comments(): ICommentOptions[] {
    return this.numbered.threads.flatMap((thread) => {
      const word = this.wordIds.get(thread.id) ?? [];
      const first = word[0];
      return thread.comments.map((comment, index): ICommentOptions => {
        const orphan = index === 0 && !this.numbered.anchored.has(thread.id) ? `On deleted text “${thread.quote}”: ` : '';
        return {
          id: word[index] ?? 0,
          author: comment.by.name,
          initials: comment.by.initials,
          date: new Date(comment.by.at),
          children: [new Paragraph({ children: [new TextRun(`${orphan}${comment.text}`)] })],
          ...(index > 0 && first !== undefined ? { parentId: first } : {}),
          ...(thread.resolved ? { resolved: true } : {}),
        };
      });
    });
  }
}
