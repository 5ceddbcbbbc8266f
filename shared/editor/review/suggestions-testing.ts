import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, type LexicalEditor, type LexicalNode } from 'lexical';
import type { EditorStateJson } from '../../model/article';
import type { Stamp } from '../../model/review';
import { readBody } from '../body-model';
import { ARTICLE_NODES } from '../nodes';

/**
 * Test model for suggestions: a paragraph is a list of characters each with its formats, so the
 * property tests can apply edits "normally" without an editor and compare the engine's results.
 */
export const TEST_FORMATS = ['bold', 'italic'] as const;
export type TestFormat = (typeof TEST_FORMATS)[number];
export interface Char {
  ch: string;
  bold: boolean;
  italic: boolean;
}
export type Para = Char[];

export const ANA: Stamp = { name: 'Ana Editor', initials: 'AE', at: '2026-11-29T02:00:00.000Z' };
export const BEN: Stamp = { name: 'Ben Reporter', initials: 'BR', at: '2026-11-29T02:01:00.000Z' };

export function makeEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'suggestions-test',
    nodes: [...ARTICLE_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

export const plain = (text: string, formats: Partial<Record<TestFormat, boolean>> = {}): Para =>
  [...text].map((ch) => ({ ch, bold: formats.bold === true, italic: formats.italic === true }));

/** Replaces the document with these paragraphs (runs of equal format become one text node). */
export function load(editor: LexicalEditor, paras: readonly Para[]): void {
  editor.update(
    () => {
      const root = $getRoot().clear();
      for (const para of paras) {
        const paragraph = $createParagraphNode();
        let run: Char[] = [];
        const flush = (): void => {
          const first = run[0];
          if (first === undefined) return;
          const node = $createTextNode(run.map((c) => c.ch).join(''));
          for (const format of TEST_FORMATS) if (first[format]) node.toggleFormat(format);
          paragraph.append(node);
          run = [];
        };
        for (const char of para) {
          const first = run[0];
          if (first !== undefined && (first.bold !== char.bold || first.italic !== char.italic)) flush();
          run.push(char);
        }
        flush();
        root.append(paragraph);
      }
    },
    { discrete: true },
  );
}

/** The document's paragraphs as characters (suggestion wrappers ignored: call after resolving). */
export function read(editor: LexicalEditor): Para[] {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((block) => {
        const chars: Para = [];
        const visit = (node: LexicalNode): void => {
          if ($isTextNode(node)) chars.push(...plain(node.getTextContent(), { bold: node.hasFormat('bold'), italic: node.hasFormat('italic') }));
          else if ($isElementNode(node)) node.getChildren().forEach(visit);
        };
        visit(block);
        return chars;
      }),
  );
}

/** A saved body read through body-model's review view, as characters. */
export function readView(body: EditorStateJson, view: 'original' | 'accepted'): Para[] {
  return readBody(body, view).map((block) => {
    const chars: Para = [];
    if ('content' in block) {
      for (const part of block.content) {
        if (part.kind === 'text') chars.push(...plain(part.text, { bold: part.formats.includes('bold'), italic: part.formats.includes('italic') }));
      }
    }
    return chars;
  });
}

export const textOf = (paras: readonly Para[]): string[] => paras.map((para) => para.map((c) => c.ch).join(''));

export const bodyOf = (editor: LexicalEditor): EditorStateJson => editor.getEditorState().toJSON() as unknown as EditorStateJson;
