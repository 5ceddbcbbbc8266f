import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $getSelection, $isRangeSelection, $setSelection, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { EditorStateJson } from '../../model/article';
import { ARTICLE_NODES } from '../nodes';
import { readBody, inlineText } from '../body-model';
import { $anchorCommentOnSelection, $removeCommentAnchor, $selectThreadPassage, $threadIdsInOrder, orderThreads } from './comments';
import { addReply, deleteThread, setResolved, startThread } from './comments-threads';

function editorWith(text: string) {
  const editor = createHeadlessEditor({ nodes: [...ARTICLE_NODES], onError: (error) => { throw error; } });
  editor.update(() => {
    $getRoot().append($createParagraphNode().append($createTextNode(text)));
  }, { discrete: true });
  return editor;
}

/** Selects [from, to) of the body's text, counted across its text nodes (marks split them). */
function $select(from: number, to: number) {
  const point = (offset: number): [TextNode, number] => {
    let rest = offset;
    const nodes = $getRoot().getAllTextNodes();
    for (const node of nodes) {
      if (rest <= node.getTextContentSize()) return [node, rest];
      rest -= node.getTextContentSize();
    }
    throw new Error(`offset ${offset} is past the text`);
  };
  const [startNode, startOffset] = point(from);
  const [endNode, endOffset] = point(to);
  const selection = $createRangeSelection();
  selection.anchor.set(startNode.getKey(), startOffset, 'text');
  selection.focus.set(endNode.getKey(), endOffset, 'text');
  $setSelection(selection);
}

const bodyText = (editor: ReturnType<typeof editorWith>): string => {
  const [first] = readBody(editor.getEditorState().toJSON() as unknown as EditorStateJson);
  return first?.kind === 'paragraph' ? inlineText(first.content) : '';
};
/** The text of a thread's passage, as selecting it in the story selects it. */
function passageOf(editor: ReturnType<typeof editorWith>, id: string): string | undefined {
  let text: string | undefined;
  editor.update(() => {
    if ($selectThreadPassage(id)) text = $getSelection()?.getTextContent();
  }, { discrete: true });
  return text;
}

const ids = (editor: ReturnType<typeof editorWith>) => editor.getEditorState().read($threadIdsInOrder);

describe('comment anchors', () => {
  it('anchors a thread to the selected passage and returns its text', () => {
    const editor = editorWith('The river rose overnight in Tirana.');
    let quote: string | null = null;
    editor.update(() => {
      $select(4, 14);
      quote = $anchorCommentOnSelection('t1');
    }, { discrete: true });
    expect(quote).toBe('river rose');
    expect(ids(editor)).toEqual(['t1']);
    // The mark changes nothing in what is published.
    expect(bodyText(editor)).toBe('The river rose overnight in Tirana.');
  });

  it('refuses a caret with no selected text', () => {
    const editor = editorWith('Some text');
    let quote: string | null = 'x';
    editor.update(() => {
      $select(3, 3);
      quote = $anchorCommentOnSelection('t1');
    }, { discrete: true });
    expect(quote).toBeNull();
    expect(ids(editor)).toEqual([]);
  });

  it('keeps the anchor when text is typed inside and around the passage', () => {
    const editor = editorWith('The river rose overnight.');
    editor.update(() => {
      $select(4, 14);
      $anchorCommentOnSelection('t1');
    }, { discrete: true });
    editor.update(() => {
      // Type at the very start of the paragraph, then inside the marked words, then right after them.
      $select(0, 0);
      $getSelection()?.insertText('Yesterday ');
    }, { discrete: true });
    editor.update(() => {
      $select(19, 19);
      $getSelection()?.insertText(' Drin');
    }, { discrete: true });
    expect(bodyText(editor)).toBe('Yesterday The river Drin rose overnight.');
    expect(ids(editor)).toEqual(['t1']);
    expect(passageOf(editor, 't1')).toBe('river Drin rose');
  });

  it('lists threads in document order, overlapping ones included, and removes one without the other', () => {
    const editor = editorWith('Alpha beta gamma delta');
    editor.update(() => {
      $select(11, 22);
      $anchorCommentOnSelection('later');
    }, { discrete: true });
    editor.update(() => {
      $select(0, 10);
      $anchorCommentOnSelection('earlier');
    }, { discrete: true });
    expect(ids(editor)).toEqual(['earlier', 'later']);

    editor.update(() => {
      $removeCommentAnchor('earlier');
    }, { discrete: true });
    expect(ids(editor)).toEqual(['later']);
    expect(bodyText(editor)).toBe('Alpha beta gamma delta');
  });

  it('gives an overlapping comment its own id on the shared text', () => {
    const editor = editorWith('one two three');
    editor.update(() => {
      $select(0, 7);
      $anchorCommentOnSelection('a');
    }, { discrete: true });
    editor.update(() => {
      const root = $getRoot();
      const start = root.getFirstDescendant() as TextNode;
      const end = root.getLastDescendant() as TextNode;
      const selection = $createRangeSelection();
      selection.anchor.set(start.getKey(), 4, 'text');
      selection.focus.set(end.getKey(), end.getTextContentSize(), 'text');
      $setSelection(selection);
      $anchorCommentOnSelection('b');
    }, { discrete: true });
    expect(ids(editor)).toEqual(['a', 'b']);
    editor.update(() => $removeCommentAnchor('a'), { discrete: true });
    expect(ids(editor)).toEqual(['b']);
    const passage = passageOf(editor, 'b');
    expect(passage).toBe('two three');
  });

  it('finds orphans: threads whose marked text was deleted', () => {
    const editor = editorWith('Keep this. Delete that.');
    editor.update(() => {
      $select(11, 23);
      $anchorCommentOnSelection('gone');
    }, { discrete: true });
    editor.update(() => {
      $select(10, 23);
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.removeText();
    }, { discrete: true });
    expect(bodyText(editor)).toBe('Keep this.');
    const stamp = { name: 'Ana', initials: 'AR', at: '2026-11-29T02:00:00.000Z' };
    const threads = startThread([], { id: 'gone', quote: 'Delete that.', first: { id: 'c1', by: stamp, text: 'Why?' } });
    const { anchored, orphans } = orderThreads(threads, ids(editor));
    expect(anchored).toEqual([]);
    expect(orphans.map((thread) => thread.quote)).toEqual(['Delete that.']);
    expect(passageOf(editor, 'gone')).toBeUndefined();
  });
});

describe('thread edits', () => {
  const ana = { name: 'Ana Ruiz', initials: 'AR', at: '2026-11-29T02:00:00.000Z' };
  const ben = { name: 'Ben Ode', initials: 'BO', at: '2026-11-29T02:05:00.000Z' };
  const first = { id: 'c1', by: ana, text: 'Source?' };

  it('starts, replies, resolves, reopens and deletes without touching other threads', () => {
    let threads = startThread([], { id: 't1', quote: 'river', first });
    threads = startThread(threads, { id: 't2', quote: 'rose', first: { ...first, id: 'c2' } });
    threads = addReply(threads, 't1', { id: 'c3', by: ben, text: 'The mayor.' });
    expect(threads[0]?.comments.map((comment) => comment.text)).toEqual(['Source?', 'The mayor.']);
    expect(threads[1]?.comments).toHaveLength(1);
    threads = setResolved(threads, 't1', ben);
    expect(threads[0]?.resolved).toEqual(ben);
    threads = setResolved(threads, 't1', null);
    expect(threads[0]?.resolved).toBeNull();
    threads = deleteThread(threads, 't1');
    expect(threads.map((thread) => thread.id)).toEqual(['t2']);
  });
});
