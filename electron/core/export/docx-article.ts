import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  DeletedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { readBody, type BodyBlock, type ListBlock, type MarkedInline } from '../../../shared/editor/body-model';
import { numberComments } from '../../../shared/editor/render-review';
import { bylineText, datelineText } from '../../../shared/editor/story-text';
import type { Article, ImageRef } from '../../../shared/model/article';
import { DocxReview, type TrackedChange } from './docx-review';
import { fitWidth, imagePixelSize } from './image-size';

/** An image of the draft, read from its folder. */
export interface ExportImage {
  mediaType: string;
  bytes: Uint8Array;
}

/** Images a .docx can hold, by media type (Word's WebP support is too recent to rely on). */
const DOCX_IMAGE_TYPES: Record<string, 'png' | 'jpg' | 'gif'> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' };

/** 6 inches at 96 pixels to the inch: the text width of an A4 or Letter page with normal margins. */
const MAX_IMAGE_WIDTH = 576;
const ORDERED = 'ordered-list';

/** Word has Quote, Intense Quote and Subtitle built in, but a generated file must define them to use them. */
const PARAGRAPH_STYLES = [
  { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: 28, color: '444444' }, paragraph: { spacing: { after: 240 } } },
  { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', run: { italics: true }, paragraph: { indent: { left: 720, right: 720 } } },
  {
    id: 'IntenseQuote',
    name: 'Intense Quote',
    basedOn: 'Normal',
    next: 'Normal',
    run: { size: 32, italics: true },
    paragraph: { indent: { left: 720, right: 720 }, spacing: { before: 240, after: 120 } },
  },
];

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: Record<string, never>;
  strike?: boolean;
  subScript?: boolean;
  superScript?: boolean;
  font?: string;
  style?: string;
}

/** Inside a suggestion: its tracked change (a run is inserted or deleted text). */
interface RunContext {
  review?: DocxReview | undefined;
  change?: { kind: 'insert' | 'delete'; tracked: TrackedChange } | undefined;
}

function textRun(text: string, style: RunStyle, context: RunContext): ParagraphChild {
  const change = context.change;
  if (change?.kind === 'insert') return new InsertedTextRun({ text, ...style, ...change.tracked });
  if (change?.kind === 'delete') return new DeletedTextRun({ text, ...style, ...change.tracked });
  return new TextRun({ text, ...style });
}

function runsOf(content: readonly MarkedInline[], base: RunStyle = {}, context: RunContext = {}): ParagraphChild[] {
  return content.flatMap((part): ParagraphChild[] => {
    if (part.kind === 'break') return [new TextRun({ break: 1 })];
    if (part.kind === 'link') {
      return [new ExternalHyperlink({ link: part.url, children: runsOf(part.children, { ...base, style: 'Hyperlink' }, context) })];
    }
    if (part.kind === 'suggestion') {
      const kind = part.suggestion.kind;
      if (kind === 'format' || !context.review) return runsOf(part.children, base, context);
      return runsOf(part.children, base, { ...context, change: { kind, tracked: context.review.change(part.suggestion) } });
    }
    if (part.kind === 'comment') {
      if (!context.review) return runsOf(part.children, base, context);
      return [...context.review.open(part.ids), ...runsOf(part.children, base, context), ...context.review.close(part.ids)];
    }
    const style: RunStyle = { ...base };
    if (part.formats.includes('bold')) style.bold = true;
    if (part.formats.includes('italic')) style.italics = true;
    if (part.formats.includes('underline')) style.underline = {};
    if (part.formats.includes('strikethrough')) style.strike = true;
    if (part.formats.includes('subscript')) style.subScript = true;
    if (part.formats.includes('superscript')) style.superScript = true;
    if (part.formats.includes('code')) style.font = 'Courier New';
    return [textRun(part.text, style, context)];
  });
}

class DocxBody {
  private orderedLists = 0;

  constructor(
    private readonly images: ReadonlyMap<string, ExportImage>,
    private readonly review?: DocxReview,
  ) {}

  private runs(content: readonly MarkedInline[]): ParagraphChild[] {
    return runsOf(content, {}, { review: this.review });
  }

  /** An image with its caption and credit under it; an image we cannot embed is named instead. */
  image(ref: Pick<ImageRef, 'alt' | 'caption' | 'credit'> & { asset: string | null }): Paragraph[] {
    if (ref.asset === null) return [];
    const file = this.images.get(ref.asset);
    const type = file ? DOCX_IMAGE_TYPES[file.mediaType] : undefined;
    const paragraphs: Paragraph[] = [];
    if (file && type) {
      const size = fitWidth(imagePixelSize(file.bytes, file.mediaType), MAX_IMAGE_WIDTH);
      const altText = { name: ref.asset, title: ref.alt, description: ref.alt };
      paragraphs.push(new Paragraph({ children: [new ImageRun({ type, data: file.bytes, transformation: size, altText })] }));
    } else {
      paragraphs.push(new Paragraph({ children: [new TextRun({ text: `[Image: ${ref.alt || ref.asset}]`, italics: true })] }));
    }
    const caption: TextRun[] = [];
    if (ref.caption !== '') caption.push(new TextRun({ text: ref.caption }));
    if (ref.credit !== '') caption.push(new TextRun({ text: `${ref.caption === '' ? '' : ' '}${ref.credit}`, italics: true }));
    if (caption.length > 0) paragraphs.push(new Paragraph({ style: 'Caption', children: caption }));
    return paragraphs;
  }

  list(list: ListBlock<MarkedInline>, level = 0, instance = list.ordered ? ++this.orderedLists : 0): Paragraph[] {
    return list.items.flatMap((item) => [
      new Paragraph({
        children: this.runs(item.content),
        ...(list.ordered ? { numbering: { reference: ORDERED, level, instance } } : { bullet: { level } }),
      }),
      ...item.lists.flatMap((nested) => this.list(nested, Math.min(level + 1, 8))),
    ]);
  }

  block(block: BodyBlock<MarkedInline>): Paragraph[] {
    switch (block.kind) {
      case 'paragraph':
        return [new Paragraph({ children: this.runs(block.content) })];
      case 'heading':
        return [
          new Paragraph({
            heading: block.level === 2 ? HeadingLevel.HEADING_2 : block.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4,
            children: this.runs(block.content),
          }),
        ];
      case 'quote':
        return [new Paragraph({ style: 'Quote', children: this.runs(block.content) })];
      case 'list':
        return this.list(block);
      case 'pullquote':
        return [
          new Paragraph({ style: 'IntenseQuote', children: this.runs(block.content) }),
          ...(block.attribution === ''
            ? []
            : [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `— ${block.attribution}`, italics: true })] })]),
        ];
      case 'separator':
        return [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('* * *')] })];
      case 'image':
        return this.image(block.image);
      case 'embed':
        return [
          new Paragraph({
            children: [new ExternalHyperlink({ link: block.url, children: [new TextRun({ text: block.url, style: 'Hyperlink' })] })],
          }),
        ];
    }
  }
}

/**
 * The story as a Word document: headline as Title, standfirst, byline, dateline, featured image,
 * then the body with its formats, links, lists, quotes, pull quotes and images. Section and tags
 * go into the document's properties. The editorial note is never written.
 */
export async function renderArticleDocx(
  article: Article,
  images: ReadonlyMap<string, ExportImage>,
  options: { review?: boolean } = {},
): Promise<Uint8Array> {
  // With review: Word comments and tracked changes (docx-review.ts); without, the text as it stands.
  const blocks: readonly BodyBlock<MarkedInline>[] = options.review === true ? readBody(article.body, 'marked') : readBody(article.body);
  const review = options.review === true ? new DocxReview(blocks, numberComments(blocks, article.comments)) : undefined;
  const body = new DocxBody(images, review);
  const title = [new TextRun(article.headline.trim()), ...(review?.orphans() ?? [])];
  const header: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: title })];
  if (article.standfirst.trim() !== '') {
    header.push(new Paragraph({ style: 'Subtitle', children: [new TextRun(article.standfirst.trim())] }));
  }
  for (const line of [bylineText(article.byline), datelineText(article.dateline)]) {
    if (line !== '') header.push(new Paragraph({ children: [new TextRun({ text: line, bold: line.startsWith('By ') })] }));
  }
  if (article.featuredImage) header.push(...body.image(article.featuredImage));
  const content = blocks.flatMap((block) => body.block(block));
  const tags = article.tags.filter((tag) => tag.trim() !== '');

  const document = new Document({
    title: article.seoTitle.trim() || article.headline.trim(),
    subject: article.section,
    keywords: tags.join(', '),
    description: article.seoDescription || article.standfirst,
    creator: article.byline.join(', ') || 'Newsroom',
    styles: { paragraphStyles: PARAGRAPH_STYLES },
    ...(review ? { comments: { children: review.comments() } } : {}),
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: [...header, ...content] }],
  });
  return Packer.toBuffer(document);
}
