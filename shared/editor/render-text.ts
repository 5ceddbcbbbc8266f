import type { Article } from '../model/article';
import { inlineText, isBlank, readBody, type BodyBlock, type ListBlock, type MarkedInline } from './body-model';
import { commentsSectionText, numberComments } from './render-review';
import { bylineText, datelineText } from './story-text';

/**
 * The story as plain text, for pasting into anything: headline, standfirst, byline and dateline,
 * then the body with blank lines between blocks. Links keep their address in brackets, since the
 * text cannot carry it otherwise. The editorial note is never written.
 */

/** Review exports: comment numbers by thread id; suggestions are written `[+added+]`, `[-removed-]`. */
type Numbers = ReadonlyMap<string, number> | undefined;

function textWithLinks(content: readonly MarkedInline[], numbers?: Numbers): string {
  return content
    .map((part) => {
      if (part.kind === 'text') return part.text;
      if (part.kind === 'break') return '\n';
      if (part.kind === 'suggestion') {
        const inner = textWithLinks(part.children, numbers);
        return part.suggestion.kind === 'insert' ? `[+${inner}+]` : part.suggestion.kind === 'delete' ? `[-${inner}-]` : inner;
      }
      if (part.kind === 'comment') {
        const refs = part.ids.map((id) => numbers?.get(id)).filter((n) => n !== undefined);
        return `${textWithLinks(part.children, numbers)}${refs.map((n) => `[${n}]`).join('')}`;
      }
      const label = textWithLinks(part.children, numbers);
      return label.trim() === part.url || label.trim() === '' ? part.url : `${label} (${part.url})`;
    })
    .join('');
}

function listText(list: ListBlock<MarkedInline>, numbers: Numbers, depth = 0): string {
  const indent = '   '.repeat(depth);
  return list.items
    .map((item, index) => {
      const marker = list.ordered ? `${index + 1}.` : '•';
      const nested = item.lists.map((child) => `\n${listText(child, numbers, depth + 1)}`).join('');
      return `${indent}${marker} ${textWithLinks(item.content, numbers)}${nested}`;
    })
    .join('\n');
}

function blockText(block: BodyBlock<MarkedInline>, numbers?: Numbers): string | null {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return isBlank(block.content) ? null : textWithLinks(block.content, numbers);
    case 'quote':
      return `“${textWithLinks(block.content, numbers)}”`;
    case 'list':
      return listText(block, numbers);
    case 'pullquote': {
      if (isBlank(block.content)) return null;
      const attribution = block.attribution === '' ? '' : `\n— ${block.attribution}`;
      return `“${inlineText(block.content)}”${attribution}`;
    }
    case 'separator':
      return '* * *';
    case 'image': {
      const { asset, alt, caption, credit } = block.image;
      if (asset === null) return null;
      const described = [caption, credit === '' ? '' : `(${credit})`].filter((part) => part !== '').join(' ');
      return `[Image: ${alt === '' ? asset : alt}]${described === '' ? '' : ` ${described}`}`;
    }
    case 'embed':
      return block.url;
  }
}

export function renderBodyText(blocks: readonly BodyBlock<MarkedInline>[], numbers?: Numbers): string {
  return blocks
    .map((block) => blockText(block, numbers))
    .filter((text): text is string => text !== null)
    .join('\n\n');
}

/**
 * `review`: pending suggestions marked `[+…+]` / `[-…-]`, commented passages followed by their
 * number, and a COMMENTS section at the end. Without it, the text as it stands and no comments.
 */
export function renderArticleText(article: Article, options: { review?: boolean } = {}): string {
  const image = article.featuredImage;
  const header = [
    article.section.trim() === '' ? '' : article.section.trim().toLocaleUpperCase('en'),
    article.headline.trim(),
    article.standfirst.trim(),
    [bylineText(article.byline), datelineText(article.dateline)].filter((part) => part !== '').join('\n'),
    image ? (blockText({ kind: 'image', image }) ?? '') : '',
  ].filter((part) => part !== '');
  const tags = article.tags.length === 0 ? '' : `Tags: ${article.tags.join(', ')}`;
  if (options.review !== true) {
    return [...header, renderBodyText(readBody(article.body)), tags].filter((part) => part !== '').join('\n\n') + '\n';
  }
  const blocks = readBody(article.body, 'marked');
  const comments = numberComments(blocks, article.comments);
  const body = renderBodyText(blocks, comments.numbers);
  return [...header, body, tags, commentsSectionText(comments)].filter((part) => part !== '').join('\n\n') + '\n';
}
