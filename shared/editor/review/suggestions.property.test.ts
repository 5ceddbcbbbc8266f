import fc from 'fast-check';
import type { LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { Stamp } from '../../model/review';
import {
  $resolveAll,
  $selectLive,
  $suggestDelete,
  $suggestFormat,
  $suggestInsertText,
  $textBlocks,
  type SuggestOutcome,
} from './suggestions';
import { ANA, BEN, bodyOf, type Char, load, makeEditor, type Para, plain, read, readView, TEST_FORMATS, type TestFormat } from './suggestions-testing';

/**
 * Edits are drawn in coordinates of the text as it reads with everything accepted (fractions of the
 * paragraph's length, so they stay valid as it changes). Each is applied to a character model
 * "normally" and to the editor in suggesting mode; accept-all must give the model, reject-all the
 * original — text and formats.
 */
type Op =
  | { kind: 'insert'; p: number; a: number; text: string; author: number }
  | { kind: 'delete' | 'format'; p: number; a: number; b: number; author: number; format: TestFormat }
  | { kind: 'replace'; p: number; a: number; b: number; text: string; author: number }
  | { kind: 'key'; p: number; a: number; backward: boolean; word: boolean; author: number };

const word = fc.stringMatching(/^[a-z ]{1,6}$/);
const frac = fc.double({ min: 0, max: 1, noNaN: true });
const author = fc.integer({ min: 0, max: 1 });
const p = fc.nat({ max: 5 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), p, a: frac, text: word, author }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'format' as const), p, a: frac, b: frac, author, format: fc.constantFrom(...TEST_FORMATS) }),
  fc.record({ kind: fc.constant('replace' as const), p, a: frac, b: frac, text: word, author }),
  fc.record({ kind: fc.constant('key' as const), p, a: frac, backward: fc.boolean(), word: fc.boolean(), author }),
);
const char: fc.Arbitrary<Char> = fc.record({ ch: fc.constantFrom('a', 'b', 'c', ' '), bold: fc.boolean(), italic: fc.boolean() });
const paras = fc.array(fc.array(char, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 });

const at = (fraction: number, length: number): number => Math.min(length, Math.floor(fraction * (length + 1)));

function span(text: string, from: number, backward: boolean, byWord: boolean): [number, number] {
  if (!byWord) return backward ? [from - 1, from] : [from, from + 1];
  const space = (i: number): boolean => text.charAt(i) === ' ';
  let edge = from;
  if (backward) {
    while (edge > 0 && space(edge - 1)) edge -= 1;
    while (edge > 0 && !space(edge - 1)) edge -= 1;
    return [edge, from];
  }
  while (edge < text.length && space(edge)) edge += 1;
  while (edge < text.length && !space(edge)) edge += 1;
  return [from, edge];
}

/** Applies one edit to the model and to the editor; returns false when it does not apply here. */
function apply(model: Para[], editor: LexicalEditor, edit: Op, id: string): void {
  const index = edit.p % model.length;
  const para = model[index] as Para;
  const stamp: Stamp = edit.author === 0 ? ANA : BEN;
  let start = at(edit.a, para.length);
  let end = 'b' in edit ? at(edit.b, para.length) : start;
  if (end < start) [start, end] = [end, start];
  const insertAt = (position: number, text: string): void => {
    const source = para[position - 1] ?? para[position];
    para.splice(position, 0, ...plain(text, { bold: source?.bold === true, italic: source?.italic === true }));
  };
  let engine: () => SuggestOutcome;
  switch (edit.kind) {
    case 'insert':
      insertAt(start, edit.text);
      engine = () => $suggestInsertText(edit.text, stamp, id);
      break;
    case 'replace':
      para.splice(start, end - start);
      insertAt(start, edit.text);
      engine = () => $suggestInsertText(edit.text, stamp, id);
      break;
    case 'delete':
      if (start === end) return;
      para.splice(start, end - start);
      engine = () => $suggestDelete(stamp, id, { backward: true, unit: 'character' });
      break;
    case 'format': {
      if (start === end) return;
      const on = !(para[start] as Char)[edit.format];
      for (const c of para.slice(start, end)) c[edit.format] = on;
      engine = () => $suggestFormat(edit.format, stamp, id);
      break;
    }
    case 'key': {
      if (edit.backward ? start === 0 : start === para.length) return;
      const [from, to] = span(para.map((c) => c.ch).join(''), start, edit.backward, edit.word);
      para.splice(from, to - from);
      engine = () => $suggestDelete(stamp, id, { backward: edit.backward, unit: edit.word ? 'word' : 'character' });
      break;
    }
  }
  let outcome: SuggestOutcome = { ok: false, message: 'not run' };
  editor.update(
    () => {
      $selectLive($textBlocks()[index] ?? (undefined as never), start, end);
      outcome = engine();
    },
    { discrete: true },
  );
  expect(outcome).toEqual({ ok: true });
}

const clone = (model: readonly Para[]): Para[] => model.map((para) => para.map((c) => ({ ...c })));

function resolved(editor: LexicalEditor, accept: boolean): Para[] {
  editor.update(() => void $resolveAll({}, accept), { discrete: true });
  return read(editor);
}

describe('suggesting mode, property', () => {
  it('accept-all equals the edits applied normally; reject-all equals the original (text and formats)', () => {
    fc.assert(
      fc.property(paras, fc.array(op, { minLength: 1, maxLength: 8 }), (original, ops) => {
        const editor = makeEditor();
        load(editor, original);
        const model = clone(original);
        ops.forEach((edit, i) => apply(model, editor, edit, `s${i}`));
        const body = bodyOf(editor);
        // The saved body, read by the outputs' review views, agrees without an editor.
        expect(readView(body, 'accepted')).toEqual(model);
        expect(readView(body, 'original')).toEqual(original);
        // And resolving in the editor after a save and reopen.
        const reopened = makeEditor();
        reopened.setEditorState(reopened.parseEditorState(JSON.stringify(body)));
        expect(resolved(reopened, false)).toEqual(original);
        expect(resolved(editor, true)).toEqual(model);
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
});
