import { describe, expect, it } from 'vitest';
import { countCharacters, formatCharacters, formatProgress, formatReadingTime, usableTarget } from './text-stats';

describe('text stats', () => {
  it('counts characters as a reader does: spaces yes, line breaks no, an emoji once', () => {
    expect(countCharacters('Ávila, 3 km')).toBe(11);
    expect(countCharacters('one\ntwo')).toBe(6);
    expect(countCharacters('fire 🔥')).toBe(6);
  });

  it('gives a reading time at 230 words a minute, rounded up', () => {
    expect(formatReadingTime(0)).toBe('0 min read');
    expect(formatReadingTime(1)).toBe('1 min read');
    expect(formatReadingTime(230)).toBe('1 min read');
    expect(formatReadingTime(690)).toBe('3 min read');
    expect(formatReadingTime(691)).toBe('4 min read');
  });

  it('formats characters and the progress towards a target', () => {
    expect(formatCharacters(1)).toBe('1 character');
    expect(formatCharacters(2310)).toBe('2,310 characters');
    expect(formatProgress(312, 400)).toBe('312 / 400 words');
  });

  it('shows a target only when it is a positive number', () => {
    expect(usableTarget(400)).toBe(400);
    expect(usableTarget(null)).toBeNull();
    expect(usableTarget(undefined)).toBeNull();
    expect(usableTarget(0)).toBeNull();
    expect(usableTarget(Number.NaN)).toBeNull();
  });
});
