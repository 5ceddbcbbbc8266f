import { createHeadlessEditor } from '@lexical/headless';
import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown';
import { $getRoot, type LexicalEditor, type SerializedLexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { ARTICLE_TRANSFORMERS } from './markdown-transformers';
import { ARTICLE_NODES } from './nodes';

function makeEditor(): LexicalEditor {
  return createHeadlessEditor({ namespace: 'md-test', nodes: [...ARTICLE_NODES], onError: (e) => { throw e; } });
}

function importMarkdown(markdown: string): { editor: LexicalEditor; children: SerializedLexicalNode[] } {
  const editor = makeEditor();
  editor.update(() => $convertFromMarkdownString(markdown, ARTICLE_TRANSFORMERS), { discrete: true });
  return { editor, children: editor.getEditorState().toJSON().root.children };
}

function exportMarkdown(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => $convertToMarkdownString(ARTICLE_TRANSFORMERS));
}

const SAMPLE = [
  '## The night the river rose',
  '',
  'Water reached the **town hall** at *dawn*, ~~late~~ [officials said](https://example.com/report).',
  '',
  '> [!pullquote: Ana Ruiz, mayor \\[acting\\]] We will *rebuild* the bridge.',
  '> Every stone of it.',
  '',
  '> A plain block quote.',
  '',
  '---',
  '',
  '![The flooded square](assets/a1b2c3d4e5f60718.png "Plaza Mayor, \\"dawn\\""){credit="Photo: J. Pérez"}',
  '',
  'https://www.youtube.com/watch?v=abc123',
  '',
  '- first',
  '- second',
].join('\n');

describe('article Markdown', () => {
  it('imports our block forms as their nodes', () => {
    const { children } = importMarkdown(SAMPLE);
    expect(children.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
      'pullquote',
      'quote',
      'horizontalrule',
      'article-image',
      'embed',
      'list',
    ]);
    expect(children[2]).toMatchObject({ attribution: 'Ana Ruiz, mayor [acting]' });
    expect(children[5]).toMatchObject({
      asset: 'a1b2c3d4e5f60718.png',
      alt: 'The flooded square',
      caption: 'Plaza Mayor, "dawn"',
      credit: 'Photo: J. Pérez',
    });
    expect(children[6]).toMatchObject({ url: 'https://www.youtube.com/watch?v=abc123' });
    const { editor } = importMarkdown(SAMPLE);
    editor.getEditorState().read(() => {
      expect($getRoot().getChildren()[2]?.getTextContent()).toBe('We will rebuild the bridge.\nEvery stone of it.');
    });
  });

  it('exports what it imports, and the second round gives the same tree', () => {
    const first = importMarkdown(SAMPLE);
    const markdown = exportMarkdown(first.editor);
    expect(markdown).toBe(SAMPLE);
    const second = importMarkdown(markdown);
    expect(second.children).toEqual(first.children);
  });

  it('leaves unsafe or unknown forms as text', () => {
    const { children } = importMarkdown(
      ['javascript:alert(1)', '', '[click](javascript:alert(1))', '', '![x](https://evil.test/a.png)', '', '![x](assets/../../secret.png)', '', 'ftp://example.com/f'].join('\n'),
    );
    expect(children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(JSON.stringify(children)).not.toMatch(/"type":"(embed|article-image)"/);
    expect(JSON.stringify(children)).not.toMatch(/"url":"javascript:/);
  });
});
