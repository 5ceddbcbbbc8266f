import { describe, expect, it } from 'vitest';
import { bylineText, correctionText, datelineText } from './story-text';

describe('story text', () => {
  it('joins the byline as it is printed', () => {
    expect(bylineText([])).toBe('');
    expect(bylineText([' Ana ', ''])).toBe('By Ana');
    expect(bylineText(['Ana', 'Luis'])).toBe('By Ana and Luis');
    expect(bylineText(['Ana', 'Luis', 'Marta'])).toBe('By Ana, Luis and Marta');
  });

  it('writes the dateline with the full date, without time zones', () => {
    expect(datelineText({ place: 'tirana ', date: '2026-01-01' })).toBe('TIRANA, 1 January 2026');
    expect(datelineText({ place: 'Madrid', date: '' })).toBe('MADRID');
    expect(datelineText({ place: '', date: '2026-12-31' })).toBe('31 December 2026');
    expect(datelineText({ place: '', date: '' })).toBe('');
  });
});

describe('correctionText', () => {
  it('prints the house format with the day the correction was made', () => {
    expect(correctionText(' The minister is Ana Ruiz, not Ana Ríos. ', '2026-11-28T23:10:00.000Z')).toBe(
      'Correction, 28 November 2026: The minister is Ana Ruiz, not Ana Ríos.',
    );
  });
});
