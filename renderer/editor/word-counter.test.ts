import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { countBodyWords } from '../../shared/editor/word-count';
import { ARTICLE_NODES } from '../../shared/editor/nodes';
import type { EditorStateJson } from '../../shared/model/article';
import { BlockWordCounter } from './word-counter';

const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' });
const el = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type, version: 1, direction: null, format: '', indent: 0, children, ...extra,
});
const paragraph = (...children: unknown[]) => el('paragraph', children, { textFormat: 0, textStyle: '' });

/** Every kind of block an article holds, with words touching block and inline boundaries. */
const body = {
  root: el('root', [
    el('heading', [text('Border cooperation')], { tag: 'h2' }),
    paragraph(text('The Director, '), text('Chief Rrumbullaku', 1), text('welcomed Ávila-Polo’s team.')),
    paragraph(text('Read'), el('link', [text('the statement')], { url: 'https://example.com', rel: null, target: null, title: null }), text('now')),
    paragraph(text('line one'), { type: 'linebreak', version: 1 }, text('line two')),
    el('quote', [text('“We will continue,” he said.')]),
    el('list', [
      el('listitem', [text('Exchange of information')], { value: 1 }),
      el('listitem', [text('Repatriation 3.5 times faster')], { value: 2 }),
    ], { listType: 'bullet', start: 1, tag: 'ul' }),
    paragraph(),
  ]),
} as unknown as EditorStateJson;

describe('BlockWordCounter', () => {
  it('counts what countBodyWords counts on the saved JSON, and follows edits', () => {
    const editor = createHeadlessEditor({ nodes: [...ARTICLE_NODES], onError: (error) => { throw error; } });
    editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
    const counter = new BlockWordCounter();
    const saved = () => countBodyWords(editor.getEditorState().toJSON() as unknown as EditorStateJson);
    expect(counter.count(editor.getEditorState())).toBe(saved());

    // Type into one paragraph (same block key, new text), then remove a block.
    editor.update(
      () => {
        const block = $getRoot().getChildAtIndex(2);
        const last = $isElementNode(block) ? block.getLastDescendant() : null;
        if ($isTextNode(last)) last.setTextContent('now, and three more');
      },
      { discrete: true },
    );
    expect(counter.count(editor.getEditorState())).toBe(saved());
    editor.update(() => $getRoot().getFirstChild()?.remove(), { discrete: true });
    expect(counter.count(editor.getEditorState())).toBe(saved());
    expect(saved()).toBeGreaterThan(20);
  });
});
