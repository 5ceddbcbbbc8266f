import { describe, expect, it } from 'vitest';
import { fold, tokenize } from './fold';
import { highlight, snippet } from './highlight';

describe('fold and tokenize', () => {
  it('drops accents and case, including letters NFD keeps whole', () => {
    expect(fold('Ávila')).toBe('avila');
    expect(fold('A\u0301VILA')).toBe('avila'); // already decomposed
    expect(fold('Łódź Straße Ørsted Æsir İstanbul')).toBe('lodz strasse orsted aesir istanbul');
  });

  it('splits on punctuation and drops nothing but separators', () => {
    expect(tokenize("Ávila-Polo's 2 police, 12.5%")).toEqual(['avila', 'polo', 's', '2', 'police', '12', '5']);
  });
});

describe('highlight and snippet', () => {
  it('marks the original words whose folded form matched', () => {
    const marked = highlight('Julián Ávila met ÁVILA officials', ['avila']);
    expect(marked.marks.map(([s, e]) => marked.text.slice(s, e))).toEqual(['Ávila', 'ÁVILA']);
  });

  it('cuts around the first match at word boundaries, with offsets into its own text', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(20)}The police in Córdoba said so. ${'More words here. '.repeat(20)}`;
    const cut = snippet(text, ['cordoba'], 80);
    expect(cut?.text.startsWith('… ')).toBe(true);
    expect(cut?.text.endsWith(' …')).toBe(true);
    expect(cut?.marks.map(([s, e]) => cut.text.slice(s, e))).toEqual(['Córdoba']);
    expect(snippet(text, ['nowhere'])).toBeUndefined();
  });
});
