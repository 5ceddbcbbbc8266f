import { describe, expect, it } from 'vitest';
import { countBodyWords, countWords, plainTextOf } from './word-count';

/** The definition the scanner implements, kept here as the oracle. */
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
const byRegex = (text: string): number => [...text.matchAll(WORD)].length;

describe('countWords', () => {
  it.each([
    ['', 0],
    ['Julian Ávila Polo', 3],
    ["Ávila-Polo's visit", 2],
    ['3.5 million, 2 departments', 4],
    ['  -- dash -- ', 1],
    ['end. Next', 2],
    ['emoji 😀 between', 2],
    ['𝐀𝐁𝐂 maths letters', 3],
    ['北京 police', 2],
    ["rock 'n' roll", 3],
  ])('counts %j as %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('agrees with the regex definition on 2,000 random strings', () => {
    const alphabet = ['a', 'Z', 'é', 'Á', '7', ' ', '\n', "'", '’', '-', '.', ',', '😀', '𝐀', '北', '\u0301'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 2000; run += 1) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(countWords(text), JSON.stringify(text)).toBe(byRegex(text));
    }
  });
});

describe('countBodyWords', () => {
  it('keeps words inside a block together across formatting and apart across blocks', () => {
    const text = (t: string, format = 0) => ({ type: 'text', text: t, format });
    const body = {
      root: {
        type: 'root' as const,
        children: [
          { type: 'paragraph', children: [text('Ávi'), text('la', 1), text(' met')] },
          { type: 'list', children: [{ type: 'listitem', children: [text('one')] }, { type: 'listitem', children: [text('two')] }] },
          { type: 'heading', children: [text('end')] },
        ],
      },
    };
    expect(plainTextOf(body)).toBe('Ávila met\none\ntwo\nend');
    expect(countBodyWords(body)).toBe(5);
  });
});
