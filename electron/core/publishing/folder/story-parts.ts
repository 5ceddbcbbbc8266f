import { createHeadlessEditor } from '@lexical/headless';
import { $convertFromMarkdownString } from '@lexical/markdown';
import type { LexicalEditor } from 'lexical';
import type { Article, EditorStateJson } from '../../../../shared/model/article';
import { readBody } from '../../../../shared/editor/body-model';
import { ARTICLE_TRANSFORMERS } from '../../../../shared/editor/markdown-transformers';
import { ARTICLE_NODES } from '../../../../shared/editor/nodes';
import { escapeHtml, renderBodyHtml } from '../../../../shared/editor/render-html';
import { correctionText } from '../../../../shared/editor/story-text';

/** Pieces of a story both the folder and the HTTP endpoint adapters send. */

/** Every image asset the story shows (featured first, then the body's, in order), once each. */
export function storyAssets(article: Article): string[] {
  const assets: string[] = [];
  if (article.featuredImage) assets.push(article.featuredImage.asset);
  for (const block of readBody(article.body)) {
    if (block.kind === 'image' && block.image.asset !== null) assets.push(block.image.asset);
  }
  return [...new Set(assets)];
}

/** The house correction line as one Markdown paragraph, in italics; the note is text, not Markdown. */
export function correctionMarkdown(note: string, at: string): string {
  const line = correctionText(note.replace(/\s+/g, ' '), at);
  return `*${line.replace(/[\\`*_[\]<>#!|~]/g, '\\$&')}*`;
}

export function correctionHtml(note: string, at: string): string {
  return `<p class="correction"><em>${escapeHtml(correctionText(note.replace(/\s+/g, ' '), at))}</em></p>`;
}

let sharedEditor: LexicalEditor | undefined;

/**
 * A Markdown body (ours, or edited by hand) as a saved editor state, read with the same forms it
 * was written in, so a folder's copy can be compared with the draft word by word.
 */
export function markdownToBody(markdown: string): EditorStateJson {
  sharedEditor ??= createHeadlessEditor({
    namespace: 'newsroom-folder-read',
    nodes: [...ARTICLE_NODES],
    onError: (error) => {
      throw error;
    },
  });
  const editor = sharedEditor;
  editor.update(() => $convertFromMarkdownString(markdown, ARTICLE_TRANSFORMERS), { discrete: true });
  return editor.getEditorState().toJSON() as unknown as EditorStateJson;
}

/** The HTML of a Markdown body, images left out (a local file is no web address). */
export const markdownToHtml = (markdown: string): string => renderBodyHtml(markdownToBody(markdown));
