import { readBody, type BodyBlock } from '../../../shared/editor/body-model';
import { renderArticleHtml } from '../../../shared/editor/render-article';
import { renderArticleMarkdown } from '../../../shared/editor/render-markdown';
import { renderArticleText } from '../../../shared/editor/render-text';
import type { EXPORT_FORMATS, MethodOutput } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import type { Article } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import { slugFromHeadline } from '../../../shared/model/slug';
import { renderArticleDocx, type ExportImage } from './docx-article';

export type ExportedFile = MethodOutput<'drafts.export'>;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportDeps {
  drafts: { read(id: string): Promise<Draft> };
  assets: { read(draftId: string, asset: string): Promise<{ mediaType: string; bytes: Uint8Array }> };
}

const MEDIA_TYPES: Record<ExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** `the-night-the-river-rose.docx`: the slug, else the headline's, else "untitled". */
export function exportFileName(article: Pick<Article, 'slug' | 'headline'>, format: ExportFormat): string {
  const base = article.slug || slugFromHeadline(article.headline) || 'untitled';
  return `${base}.${format}`;
}

/**
 * Exports the SAVED draft (the renderer flushes first) as a file with its story fields and never
 * the editorial note. Images come from the draft's own folder: as data URIs in a self-contained
 * .html, embedded in a .docx, and as `assets/<name>` references in Markdown.
 */
export class ExportService {
  constructor(private readonly deps: ExportDeps) {}

  /**
   * `review`: with comments and pending suggested changes marked (see the renderers); without it,
   * the text as it stands before any pending suggestion and no comment at all.
   */
  async export(id: string, format: ExportFormat, review = false): Promise<ExportedFile> {
    const { article } = await this.deps.drafts.read(id);
    const blocks = readableBody(article);
    const fileName = exportFileName(article, format);
    const mediaType = MEDIA_TYPES[format];
    switch (format) {
      case 'md':
        return { fileName, mediaType, encoding: 'utf8', data: renderArticleMarkdown(article, { review }) };
      case 'txt':
        return { fileName, mediaType, encoding: 'utf8', data: renderArticleText(article, { review }) };
      case 'html': {
        const images = await this.images(id, article, blocks);
        const dataUris = new Map([...images].map(([asset, file]) => [asset, dataUri(file)]));
        const data = renderArticleHtml(article, { imageUrl: (asset) => dataUris.get(asset), review });
        return { fileName, mediaType, encoding: 'utf8', data };
      }
      case 'docx': {
        const images = await this.images(id, article, blocks);
        const bytes = await renderArticleDocx(article, images, { review });
        return { fileName, mediaType, encoding: 'base64', data: Buffer.from(bytes).toString('base64') };
      }
    }
  }

  /** Every image the story shows, read once. A file missing from the folder stops the export. */
  private async images(id: string, article: Article, blocks: readonly BodyBlock[]): Promise<Map<string, ExportImage>> {
    const wanted = new Map<string, string>();
    if (article.featuredImage) wanted.set(article.featuredImage.asset, article.featuredImage.alt);
    for (const block of blocks) {
      if (block.kind === 'image' && block.image.asset !== null) wanted.set(block.image.asset, block.image.alt);
    }
    const images = new Map<string, ExportImage>();
    for (const [asset, alt] of wanted) {
      try {
        images.set(asset, await this.deps.assets.read(id, asset));
      } catch (error) {
        if (error instanceof AppFailure && error.code === 'NOT_FOUND') {
          const named = alt.trim() === '' ? 'An image' : `The image “${alt.trim()}”`;
          throw new AppFailure('NOT_FOUND', `${named} is missing from the draft’s folder. Attach it again, or remove it, then export.`);
        }
        throw error;
      }
    }
    return images;
  }
}

/** The body as data, or a plain-words failure when part of it does not validate. */
function readableBody(article: Article): BodyBlock[] {
  try {
    return readBody(article.body);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new AppFailure('DRAFT_CORRUPT', `Part of this story could not be read, so it was not exported${detail}`);
  }
}

function dataUri(file: ExportImage): string {
  return `data:${file.mediaType};base64,${Buffer.from(file.bytes).toString('base64')}`;
}
