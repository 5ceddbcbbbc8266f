import { createHeadlessEditor } from '@lexical/headless';
import { $isHeadingNode } from '@lexical/rich-text';
import { $convertFromMarkdownString } from '@lexical/markdown';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isDecoratorNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { ARTICLE_NODES } from '../../../shared/editor/nodes';
import { HEADLINE_MAX_CHARS, type EditorStateJson } from '../../../shared/model/article';
import { ARTICLE_TRANSFORMERS } from '../../editor/transformers';
import { $nodesFromCleanHtml, cleanHtml } from '../../editor/extensions/Paste';
import { splitFrontMatter } from './front-matter';

/**
 * Builds an article (headline + body JSON) from imported text in a headless Lexical editor with the
 * article's own node classes, so the body is exactly what the editor would hold. The headline is
 * the first heading's text (taken out of the body) or else the first line.
 */
export interface ImportedArticle {
  headline: string;
  body: EditorStateJson;
  /** Story fields found in the file (our own Markdown export's front matter). */
  fields: { standfirst?: string; byline?: string[] };
}

export type ImportSource = { kind: 'text'; text: string } | { kind: 'markdown'; text: string } | { kind: 'html'; html: string };

function headlessEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'newsroom-import',
    nodes: [...ARTICLE_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

/** Blank lines separate paragraphs; single line breaks inside a paragraph become spaces. */
function $fillFromText(text: string): void {
  const root = $getRoot();
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/)) {
    const line = block.split('\n').map((part) => part.trim()).filter(Boolean).join(' ');
    if (line) root.append($createParagraphNode().append($createTextNode(line)));
  }
}

/** Inline nodes cannot sit at the root: each run of them goes into a paragraph. */
function $appendBlocks(nodes: LexicalNode[]): void {
  const root = $getRoot();
  let paragraph: ReturnType<typeof $createParagraphNode> | null = null;
  for (const node of nodes) {
    const isBlock = ($isElementNode(node) && !node.isInline()) || ($isDecoratorNode(node) && !node.isInline());
    if (isBlock) {
      paragraph = null;
      root.append(node);
    } else {
      if (!paragraph) {
        paragraph = $createParagraphNode();
        root.append(paragraph);
      }
      paragraph.append(node);
    }
  }
}

function clip(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, HEADLINE_MAX_CHARS);
}

/** Takes the headline out of the body: the first heading, else the first block's first line. */
function $takeHeadline(): string {
  const children = $getRoot().getChildren();
  const heading = children.find((node) => $isHeadingNode(node));
  if (heading) {
    const text = clip(heading.getTextContent());
    heading.remove();
    return text;
  }
  const first = children.find((node) => node.getTextContent().trim() !== '');
  if (!first) return '';
  const [line = '', ...rest] = first.getTextContent().trim().split('\n');
  // A short first paragraph is the headline itself; a long one stays in the body.
  if (rest.length === 0 && line.length <= HEADLINE_MAX_CHARS && $isElementNode(first)) first.remove();
  return clip(line);
}

export function buildArticle(source: ImportSource, win: Window & typeof globalThis = window): ImportedArticle {
  const editor = headlessEditor();
  let headline = '';
  const fields: ImportedArticle['fields'] = {};
  editor.update(
    () => {
      $getRoot().clear();
      if (source.kind === 'text') $fillFromText(source.text);
      else if (source.kind === 'markdown') {
        const { fields: found, rest } = splitFrontMatter(source.text);
        if (found.title) headline = clip(found.title);
        if (found.standfirst) fields.standfirst = found.standfirst;
        if (found.byline) fields.byline = found.byline;
        // The body's Markdown rules make no H1 (that is the headline): a leading "# Title" is the headline.
        const match = headline ? null : /^\s*#[ \t]+(.+)\n?/.exec(rest);
        if (match) headline = clip(match[1]!);
        $convertFromMarkdownString(match ? rest.slice(match[0].length) : rest, ARTICLE_TRANSFORMERS);
      } else {
        $appendBlocks($nodesFromCleanHtml(editor, new win.DOMParser(), cleanHtml(win, source.html)));
      }
      if (!headline) headline = $takeHeadline();
      if ($getRoot().getChildrenSize() === 0) $getRoot().append($createParagraphNode());
    },
    { discrete: true },
  );
  return { headline, body: editor.getEditorState().toJSON() as unknown as EditorStateJson, fields };
}
