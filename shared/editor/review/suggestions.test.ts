import { $getRoot, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { Stamp } from '../../model/review';
import {
  $acceptSuggestion,
  $listSuggestions,
  $rejectSuggestion,
  $resolveAll,
  $selectLive,
  $suggestDelete,
  $suggestFormat,
  $suggestInsertText,
  $suggestParagraph,
  $textBlocks,
  countPendingSuggestions,
  SPLIT_REFUSED,
  type SuggestionSummary,
} from './suggestions';
import { ANA, BEN, bodyOf, load, makeEditor, plain, read, readView, textOf } from './suggestions-testing';

let counter = 0;
/** Runs an edit in one update with the caret/selection at live [start, end) of paragraph `p`. */
function edit<T>(editor: LexicalEditor, p: number, start: number, end: number, run: () => T): T {
  let result: T | undefined;
  editor.update(
    () => {
      const block = $textBlocks()[p];
      if (block === undefined) throw new Error(`no paragraph ${p}`);
      $selectLive(block, start, end);
      result = run();
    },
    { discrete: true },
  );
  return result as T;
}

const type = (editor: LexicalEditor, text: string, by: Stamp = ANA) => {
  let outcome;
  editor.update(() => void (outcome = $suggestInsertText(text, by, `id${(counter += 1)}`)), { discrete: true });
  return outcome;
};
const backspace = (editor: LexicalEditor, by: Stamp = ANA) =>
  editor.update(() => void $suggestDelete(by, `id${(counter += 1)}`, { backward: true, unit: 'character' }), { discrete: true });
const list = (editor: LexicalEditor): SuggestionSummary[] => editor.getEditorState().read($listSuggestions);
const run = (editor: LexicalEditor, fn: () => unknown) => editor.update(() => void fn(), { discrete: true });
const texts = (editor: LexicalEditor) => textOf(read(editor));
const accepted = (editor: LexicalEditor) => textOf(readView(bodyOf(editor), 'accepted'));
const original = (editor: LexicalEditor) => textOf(readView(bodyOf(editor), 'original'));

function story(...paras: string[]): LexicalEditor {
  const editor = makeEditor();
  load(
    editor,
    paras.map((text) => plain(text)),
  );
  return editor;
}

describe('typing in suggesting mode', () => {
  it('typing letter by letter grows one insertion by its author, and Backspace inside it really removes letters', () => {
    const editor = story('The cat sat.');
    edit(editor, 0, 7, 7, () => $suggestInsertText(' big', ANA, 'first'));
    type(editor, 'ger');
    expect(list(editor)).toEqual([{ id: 'first', kind: 'insert', by: ANA, text: ' bigger' }]);
    backspace(editor);
    backspace(editor);
    expect(list(editor)).toEqual([{ id: 'first', kind: 'insert', by: ANA, text: ' bigg' }]);
    expect(accepted(editor)).toEqual(['The cat bigg sat.']);
    expect(original(editor)).toEqual(['The cat sat.']);
  });

  it("another person's typing inside an insertion is their own suggestion", () => {
    const editor = story('Hello');
    edit(editor, 0, 5, 5, () => $suggestInsertText(' world', ANA, 'ana'));
    edit(editor, 0, 8, 8, () => $suggestInsertText('XX', BEN, 'ben'));
    expect(list(editor).map((s) => [s.id, s.by.name])).toEqual([
      ['ana', ANA.name],
      ['ben', BEN.name],
    ]);
    expect(accepted(editor)).toEqual(['Hello woXXrld']);
  });

  it('a selection typed over is a replaced word: the old one struck, the new one inserted after it', () => {
    const editor = story('The red car.');
    edit(editor, 0, 4, 7, () => $suggestInsertText('blue', ANA, 'swap'));
    expect(list(editor).map((s) => [s.kind, s.text])).toEqual([
      ['delete', 'red'],
      ['insert', 'blue'],
    ]);
    expect(texts(editor)).toEqual(['The redblue car.']);
    expect(accepted(editor)).toEqual(['The blue car.']);
  });
});

describe('deleting in suggesting mode', () => {
  it('repeated Backspace strikes letter after letter into one deletion and walks left over struck text', () => {
    const editor = story('Lorem ipsum');
    edit(editor, 0, 11, 11, () => null);
    for (let i = 0; i < 5; i += 1) backspace(editor);
    expect(list(editor).map((s) => [s.kind, s.text])).toEqual([['delete', 'ipsum']]);
    expect(texts(editor)).toEqual(['Lorem ipsum']);
    expect(accepted(editor)).toEqual(['Lorem ']);
    type(editor, 'dolor');
    expect(accepted(editor)).toEqual(['Lorem dolor']);
  });

  it('Backspace at the start of a paragraph is refused: joining paragraphs is not suggested', () => {
    const editor = story('One', 'Two');
    const outcome = edit(editor, 1, 0, 0, () => $suggestDelete(ANA, 'x', { backward: true, unit: 'character' }));
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/Joining paragraphs/) });
    expect(texts(editor)).toEqual(['One', 'Two']);
  });
});

describe('format changes', () => {
  it('bold is a suggestion; rejecting it sets the text back, and un-bolding it again leaves no suggestion', () => {
    const editor = story('Make this bold');
    edit(editor, 0, 5, 9, () => $suggestFormat('bold', ANA, 'b1'));
    expect(list(editor)).toEqual([{ id: 'b1', kind: 'format', by: ANA, text: 'this', format: 'bold', on: true }]);
    expect(read(editor)[0]?.[5]?.bold).toBe(true);
    edit(editor, 0, 5, 9, () => $suggestFormat('bold', ANA, 'b2'));
    expect(list(editor)).toEqual([]);
    expect(read(editor)[0]?.some((c) => c.bold)).toBe(false);
    edit(editor, 0, 0, 4, () => $suggestFormat('italic', BEN, 'i1'));
    run(editor, () => $rejectSuggestion('i1'));
    expect(read(editor)[0]?.some((c) => c.italic)).toBe(false);
  });
});

describe('accepting and rejecting', () => {
  function reviewed(): LexicalEditor {
    const editor = story('Alpha beta gamma.');
    edit(editor, 0, 0, 0, () => $suggestInsertText('Big ', ANA, 'a-ins'));
    edit(editor, 0, 10, 15, () => $suggestDelete(BEN, 'b-del', { backward: true, unit: 'character' }));
    edit(editor, 0, 10, 15, () => $suggestFormat('bold', BEN, 'b-bold'));
    return editor;
  }

  it('one at a time: accept keeps the change, reject drops it', () => {
    const editor = reviewed();
    expect(list(editor).map((s) => s.id)).toEqual(['a-ins', 'b-del', 'b-bold']);
    run(editor, () => $acceptSuggestion('a-ins'));
    run(editor, () => $rejectSuggestion('b-del'));
    expect(list(editor).map((s) => s.id)).toEqual(['b-bold']);
    expect(texts(editor)).toEqual(['Big Alpha beta gamma.']);
    expect(run(editor, () => $acceptSuggestion('a-ins'))).toBeUndefined();
    let again = true;
    editor.update(() => void (again = $acceptSuggestion('a-ins')), { discrete: true });
    expect(again).toBe(false);
  });

  it('all from one person, then all', () => {
    const editor = reviewed();
    let count = 0;
    editor.update(() => void (count = $resolveAll({ by: BEN.name }, true)), { discrete: true });
    expect(count).toBe(2);
    expect(list(editor).map((s) => s.by.name)).toEqual([ANA.name]);
    expect(texts(editor)).toEqual(['Big Alpha gamma.']);
    expect(read(editor)[0]?.filter((c) => c.bold).map((c) => c.ch).join('')).toBe('gamma');
    run(editor, () => $resolveAll({}, false));
    expect(texts(editor)).toEqual(['Alpha gamma.']);
  });

  it('survive a save and reopen, and a saved body counts them without an editor', () => {
    const editor = reviewed();
    const body = bodyOf(editor);
    expect(countPendingSuggestions(body)).toBe(3);
    const reopened = makeEditor();
    reopened.setEditorState(reopened.parseEditorState(JSON.stringify(body)));
    expect(list(reopened)).toEqual(list(editor));
    run(reopened, () => $resolveAll({}, true));
    expect(countPendingSuggestions(bodyOf(reopened))).toBe(0);
    expect(texts(reopened)).toEqual(textOf(readView(body, 'accepted')));
  });

  it('readBody original/accepted agree with reject-all/accept-all', () => {
    const editor = reviewed();
    const body = bodyOf(editor);
    const copy = makeEditor();
    copy.setEditorState(copy.parseEditorState(JSON.stringify(body)));
    run(editor, () => $resolveAll({}, true));
    run(copy, () => $resolveAll({}, false));
    expect(read(editor)).toEqual(readView(body, 'accepted'));
    expect(read(copy)).toEqual(readView(body, 'original'));
  });
});

describe('Enter in suggesting mode', () => {
  it('at the end of a paragraph opens a new one whose text is an insertion; rejecting it leaves no empty paragraph', () => {
    const editor = story('First.', 'Last.');
    const outcome = edit(editor, 0, 6, 6, () => $suggestParagraph());
    expect(outcome).toEqual({ ok: true });
    type(editor, 'Added line.');
    expect(texts(editor)).toEqual(['First.', 'Added line.', 'Last.']);
    run(editor, () => $resolveAll({}, false));
    expect(texts(editor)).toEqual(['First.', 'Last.']);
    expect(editor.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(2);
  });

  it('in the middle of a paragraph is refused with a plain message', () => {
    const editor = story('Split me');
    expect(edit(editor, 0, 3, 3, () => $suggestParagraph())).toEqual({ ok: false, message: SPLIT_REFUSED });
    expect(texts(editor)).toEqual(['Split me']);
  });
});
