import { createHeadlessEditor } from '@lexical/headless';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { ARTICLE_NODES } from '../../../shared/editor/nodes';
import { filterInsertItems, INSERT_ITEMS } from './insert-items';
import { slashTrigger } from './SlashMenuPlugin';

const labels = (query: string) => filterInsertItems(query).map((item) => item.label);

describe('the insert items', () => {
  it('are the same nine in the Insert menu and the slash menu, filtered by what follows the slash', () => {
    expect(INSERT_ITEMS.map((item) => item.label)).toEqual([
      'Heading 2', 'Heading 3', 'Bulleted list', 'Numbered list', 'Quote', 'Pull quote', 'Horizontal rule', 'Image', 'Embed',
    ]);
    expect(labels('')).toHaveLength(9);
    expect(labels('pull')).toEqual(['Pull quote']);
    expect(labels('quo')).toEqual(['Quote', 'Pull quote']);
    expect(labels('head')).toEqual(['Heading 2', 'Heading 3']);
    expect(labels('line')).toEqual(['Horizontal rule']);
    expect(labels('youtube')).toEqual(['Embed']);
    expect(labels('zzz')).toEqual([]);
  });
});

describe('the slash trigger', () => {
  /** One block holding `text`, the caret `caret` characters in. */
  function editorWith(text: string, caret: number, block: () => ElementNode = () => $createParagraphNode()) {
    const editor = createHeadlessEditor({ nodes: [...ARTICLE_NODES], onError: (error) => { throw error; } });
    editor.update(
      () => {
        const node = $createTextNode(text);
        $getRoot().clear().append(block().append(node));
        node.select(caret, caret);
      },
      { discrete: true },
    );
    return editor;
  }

  it('opens for "/" at the start of an otherwise empty paragraph', () => {
    expect(slashTrigger('/pu', editorWith('/pu', 3))).toEqual({ leadOffset: 0, matchingString: 'pu', replaceableString: '/pu' });
    expect(slashTrigger('/', editorWith('/', 1))?.matchingString).toBe('');
  });

  it('stays shut inside a sentence, before other text, or outside a paragraph', () => {
    expect(slashTrigger('and/or', editorWith('and/or', 6))).toBeNull();
    expect(slashTrigger('/pu', editorWith('/pu and more', 3))).toBeNull();
    expect(slashTrigger('/pu', editorWith('/pu', 3, () => $createHeadingNode('h2')))).toBeNull();
  });
});
