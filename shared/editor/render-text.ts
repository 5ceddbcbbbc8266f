import type { Article } from '../model/article';
import { inlineText, isBlank, readBody, type BodyBlock, type Inline, type ListBlock } from './body-model';
import { bylineText, datelineText } from './story-text';

/**
 * The story as plain text, for pasting into anything: headline, standfirst, byline and dateline,
 * then the body with blank lines between blocks. Links keep their address in brackets, since the
 * text cannot carry it otherwise. The editorial note is never written.
 */

function textWithLinks(content: readonly Inline[]): string {
  return content
    .map((part) => {
      if (part.kind === 'text') return part.text;
      if (part.kind === 'break') return '\n';
      const label = textWithLinks(part.children);
      return label.trim() === part.url || label.trim() === '' ? part.url : `${label} (${part.url})`;
    })
    .join('');
}

function listText(list: ListBlock, depth = 0): string {
  const indent = '   '.repeat(depth);
  return list.items
    .map((item, index) => {
      const marker = list.ordered ? `${index + 1}.` : '•';
      const nested = item.lists.map((child) => `\n${listText(child, depth + 1)}`).join('');
      return `${indent}${marker} ${textWithLinks(item.content)}${nested}`;
    })
    .join('\n');
}

function blockText(block: BodyBlock): string | null {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return isBlank(block.content) ? null : textWithLinks(block.content);
    case 'quote':
      return `“${textWithLinks(block.content)}”`;
    case 'list':
      return listText(block);
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

export function renderBodyText(blocks: readonly BodyBlock[]): string {
  return blocks
    .map(blockText)
    .filter((text): text is string => text !== null)
    .join('\n\n');
}

export function renderArticleText(article: Article): string {
  const image = article.featuredImage;
  const header = [
    article.section.trim() === '' ? '' : article.section.trim().toLocaleUpperCase('en'),
    article.headline.trim(),
    article.standfirst.trim(),
    [bylineText(article.byline), datelineText(article.dateline)].filter((part) => part !== '').join('\n'),
    image ? (blockText({ kind: 'image', image }) ?? '') : '',
  ].filter((part) => part !== '');
  const tags = article.tags.length === 0 ? '' : `Tags: ${article.tags.join(', ')}`;
  return [...header, renderBodyText(readBody(article.body)), tags].filter((part) => part !== '').join('\n\n') + '\n';
}
