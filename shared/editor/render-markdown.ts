import { createHeadlessEditor } from '@lexical/headless';
import { $convertToMarkdownString } from '@lexical/markdown';
import type { LexicalEditor } from 'lexical';
import type { Article, EditorStateJson } from '../model/article';
import { readBody } from './body-model';
import { ARTICLE_TRANSFORMERS } from './markdown-transformers';
import { ARTICLE_NODES } from './nodes';
import { $prepareForMarkdown, criticMarkup } from './render-markdown-review';
import { commentsSectionMarkdown, numberComments } from './render-review';

/**
 * The story as Markdown: a YAML front-matter block of the story fields, then the body in the forms
 * documented in markdown-transformers.ts. The editorial note is never written.
 */

let sharedEditor: LexicalEditor | undefined;

function headlessEditor(): LexicalEditor {
  sharedEditor ??= createHeadlessEditor({
    namespace: 'newsroom-markdown',
    nodes: [...ARTICLE_NODES],
    onError: (error) => {
      throw error;
    },
  });
  return sharedEditor;
}

/**
 * The body as Markdown. Lexical escapes `\` and `*` in text but not `<`, which a Markdown renderer
 * would take for an HTML tag (`<script>` typed in a paragraph). Our forms never write `<`, so every
 * `<` is text: it is written `\<`, which renders as `<` and reads back as `<`.
 */
export function renderBodyMarkdown(body: EditorStateJson, commentNumbers: ReadonlyMap<string, number> | null = null): string {
  const editor = headlessEditor();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  // Pending suggestions and comment anchors are resolved first (see render-markdown-review.ts).
  editor.update(() => $prepareForMarkdown(commentNumbers), { discrete: true });
  const markdown = editor.getEditorState().read(() => $convertToMarkdownString(ARTICLE_TRANSFORMERS), { editor });
  // A block written as nothing (an image placeholder) would leave a run of blank lines.
  return criticMarkup(markdown.replace(/</g, '\\<').replace(/\n{3,}/g, '\n\n').trim());
}

/**
 * A YAML double-quoted scalar. JSON's string escaping is valid there; the characters YAML 1.1
 * also treats as line breaks are escaped as well, so a value can never end its line early.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const yamlList = (values: readonly string[]) => `[${values.map(yamlString).join(', ')}]`;

export function frontMatter(article: Article): string {
  const lines = [
    '---',
    `title: ${yamlString(article.headline)}`,
    `slug: ${yamlString(article.slug)}`,
    `standfirst: ${yamlString(article.standfirst)}`,
    `byline: ${yamlList(article.byline)}`,
    `section: ${yamlString(article.section)}`,
    `tags: ${yamlList(article.tags)}`,
    'dateline:',
    `  place: ${yamlString(article.dateline.place)}`,
    `  date: ${yamlString(article.dateline.date)}`,
    'seo:',
    `  title: ${yamlString(article.seoTitle)}`,
    `  description: ${yamlString(article.seoDescription)}`,
  ];
  const image = article.featuredImage;
  if (image) {
    lines.push(
      'featured_image:',
      `  src: ${yamlString(`assets/${image.asset}`)}`,
      `  alt: ${yamlString(image.alt)}`,
      `  caption: ${yamlString(image.caption)}`,
      `  credit: ${yamlString(image.credit)}`,
    );
  }
  lines.push('---');
  return lines.join('\n');
}

/**
 * `review`: pending suggestions and commented passages in CriticMarkup ({++added++},
 * {--removed--}, {==passage==}{>>[1]<<}) and a Comments section at the end.
 */
export function renderArticleMarkdown(article: Article, options: { review?: boolean } = {}): string {
  if (options.review !== true) return `${frontMatter(article)}\n\n${renderBodyMarkdown(article.body)}\n`;
  const numbered = numberComments(readBody(article.body, 'marked'), article.comments);
  const body = renderBodyMarkdown(article.body, numbered.numbers);
  const comments = commentsSectionMarkdown(numbered);
  return `${frontMatter(article)}\n\n${body}${comments === '' ? '' : `\n\n${comments}`}\n`;
}
