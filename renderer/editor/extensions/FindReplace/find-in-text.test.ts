import { describe, expect, it } from 'vitest';
import { describeMatches, findInText, stepMatch, type FindOptions } from './find-in-text';

const loose: FindOptions = { matchCase: false, wholeWord: false };
const found = (text: string, query: string, options: FindOptions = loose) =>
  findInText(text, query, options).map(({ start, end }) => text.slice(start, end));

describe('findInText', () => {
  it('ignores case and accents unless "Match case" is on', () => {
    const text = 'Ávila met AVILA and avila in Avila.';
    expect(found(text, 'avila')).toEqual(['Ávila', 'AVILA', 'avila', 'Avila']);
    expect(found(text, 'Avila', { matchCase: true, wholeWord: false })).toEqual(['Avila']);
    expect(found(text, 'Ávila', { matchCase: true, wholeWord: false })).toEqual(['Ávila']);
  });

  it('keeps the accent with a match written with a combining mark', () => {
    const text = 'Cafe\u0301 society';
    expect(found(text, 'cafe')).toEqual(['Cafe\u0301']);
  });

  it('finds whole words only when asked', () => {
    const text = 'The port reported ports and a port.';
    expect(found(text, 'port')).toHaveLength(4);
    expect(found(text, 'port', { matchCase: false, wholeWord: true })).toEqual(['port', 'port']);
    // Letters with accents are word letters: "é" does not make a word boundary.
    expect(found('portés port', 'port', { matchCase: false, wholeWord: true })).toEqual(['port']);
  });

  it('gives ranges that point into the original text, not the folded one', () => {
    const ranges = findInText('ß and Straße', 'straße', loose);
    expect(ranges).toEqual([{ start: 6, end: 12 }]);
  });

  it('does not overlap matches and finds nothing for an empty query', () => {
    expect(found('aaaa', 'aa')).toEqual(['aa', 'aa']);
    expect(findInText('text', '', loose)).toEqual([]);
  });
});

describe('match navigation', () => {
  it('says where we are in plain words', () => {
    expect(describeMatches(2, 12, 'x')).toBe('3 of 12');
    expect(describeMatches(0, 0, 'x')).toBe('No matches');
    expect(describeMatches(0, 0, '')).toBe('');
  });

  it('goes round at either end', () => {
    expect(stepMatch(11, 12, 1)).toBe(0);
    expect(stepMatch(0, 12, -1)).toBe(11);
    expect(stepMatch(0, 0, 1)).toBe(0);
  });
});
