import { describe, expect, it } from 'vitest';
import { describeChord, keysFor, matchShortcut, SHORTCUTS, type KeyLike } from './shortcut-table';

const press = (key: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  key,
  code: /^\d$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`,
  ctrlKey: true,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...extra,
});

const actionOf = (event: KeyLike, apple = false) => matchShortcut(event, apple)?.action ?? null;

describe('the shortcut table', () => {
  it('maps the key presses a journalist uses to their actions', () => {
    expect(actionOf(press('u'))).toBe('underline');
    expect(actionOf(press('X', { shiftKey: true, code: 'KeyX' }))).toBe('strikethrough');
    expect(actionOf(press('2', { altKey: true }))).toBe('h2');
    expect(actionOf(press('3', { altKey: true }))).toBe('h3');
    expect(actionOf(press('k'))).toBe('link');
    expect(actionOf(press('f'))).toBe('find');
    expect(actionOf(press('/', { code: 'Slash' }))).toBe('shortcuts');
    expect(actionOf(press('b'))).toBe('bold');
    expect(actionOf(press('0', { altKey: true }))).toBe('paragraph');
    expect(actionOf(press('q', { altKey: true }))).toBe('pullquote');
    expect(actionOf(press('i', { altKey: true }))).toBe('insert');
    // Ctrl+Shift+I stays the developer tools'.
    expect(actionOf(press('I', { shiftKey: true }))).toBeNull();
  });

  it('matches Shift+digit lists by the key pressed, whatever the layout prints on it', () => {
    // US layout: Shift+7 is "&"; German: Shift+7 is "/".
    expect(actionOf(press('&', { shiftKey: true, code: 'Digit7' }))).toBe('number');
    expect(actionOf(press('/', { shiftKey: true, code: 'Digit7' }))).toBe('number');
    expect(actionOf(press('*', { shiftKey: true, code: 'Digit8' }))).toBe('bullet');
    expect(actionOf(press('(', { shiftKey: true, code: 'Digit9' }))).toBe('quote');
  });

  it('leaves AltGr characters alone (AltGr+2 arrives as Ctrl+Alt with "²" or "@")', () => {
    expect(actionOf(press('²', { altKey: true, code: 'Digit2' }))).toBeNull();
    expect(actionOf(press('@', { altKey: true, code: 'Digit2' }))).toBeNull();
    expect(actionOf(press('@', { altKey: true, code: 'KeyQ' }))).toBeNull();
  });

  it('needs exactly the platform modifier', () => {
    expect(actionOf(press('u', { ctrlKey: false }))).toBeNull();
    expect(actionOf(press('u', { ctrlKey: false, metaKey: true }), true)).toBe('underline');
    expect(actionOf(press('u'), true)).toBeNull();
    // Ctrl+Shift+U is not underline: extra modifiers change the meaning.
    expect(actionOf(press('u', { shiftKey: true }))).toBeNull();
  });

  it('gives every chord to one action only', () => {
    const seen = new Map<string, string>();
    for (const shortcut of SHORTCUTS) {
      for (const chord of shortcut.chords) {
        const id = describeChord(chord, false);
        expect(seen.get(id), `${id} is used twice`).toBeUndefined();
        seen.set(id, shortcut.action);
      }
    }
  });

  it('describes the keys as printed on the sheet and the buttons', () => {
    expect(keysFor('strikethrough', false)).toBe('Ctrl+Shift+X');
    expect(keysFor('h2', false)).toBe('Ctrl+Alt+2');
    expect(keysFor('h2', true)).toBe('⌥⌘2');
    expect(keysFor('shortcuts', false)).toBe('Ctrl+/');
  });
});
