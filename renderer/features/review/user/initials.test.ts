import { describe, expect, it } from 'vitest';
import { suggestInitials } from './initials';

describe('suggested initials', () => {
  it('takes the first letters of the first and last names', () => {
    expect(suggestInitials('Ana Ruiz')).toBe('AR');
    expect(suggestInitials('  ana maría   ruiz ')).toBe('AR');
    expect(suggestInitials('Émile Zola')).toBe('ÉZ');
    expect(suggestInitials("Sinéad O'Brien")).toBe('SO');
  });
  it('takes two letters of a single name, and nothing from nothing', () => {
    expect(suggestInitials('Madonna')).toBe('MA');
    expect(suggestInitials('   ')).toBe('');
  });
});
