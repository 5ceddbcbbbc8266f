import { describe, expect, it } from 'vitest';
import { textOfHtml, wordDiff } from './word-diff';

describe('textOfHtml', () => {
  it('keeps the visible text, one line per block, and drops scripts and markup', () => {
    const html = '<h2>Budget</h2><p>The <strong>council</strong> agreed.</p><script>alert(1)</script><p>Line<br>two</p>';
    expect(textOfHtml(html)).toBe('Budget\nThe council agreed.\nLine\ntwo');
  });
});

describe('wordDiff', () => {
  it('marks words only ours as added and words only on the web as removed', () => {
    const parts = wordDiff('<p>The council agreed the budget.</p>', '<p>The council rejected the budget.</p>');
    expect(parts.filter((part) => part.kind === 'removed').map((part) => part.text)).toEqual(['agreed']);
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.text)).toEqual(['rejected']);
    expect(parts.map((part) => part.text).join('')).toContain('The council');
  });

  it('finds nothing changed when only the markup differs', () => {
    const parts = wordDiff('<p>Same <em>words</em></p>', '<p>Same words</p>');
    expect(parts.every((part) => part.kind === 'same')).toBe(true);
  });
});
