/**
 * Every keyboard shortcut of the editor, in one table: the key handler (extensions/Shortcuts)
 * matches key presses against it and the "Keyboard shortcuts" sheet lists it, so the sheet can
 * never show a shortcut that does not work, nor miss one that does.
 */
export type EditorAction =
  | 'undo'
  | 'redo'
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'link'
  | 'paragraph'
  | 'h2'
  | 'h3'
  | 'bullet'
  | 'number'
  | 'quote'
  | 'pullquote'
  | 'insert'
  | 'find'
  | 'shortcuts';

export interface KeyChord {
  /** `event.key`, lower case ("b", "2", "/"); for Shift+digit chords the digit (matched on `event.code`). */
  key: string;
  shift?: boolean;
  alt?: boolean;
}

export interface Shortcut {
  action: EditorAction;
  /** What the sheet says it does, in the toolbar's words. */
  label: string;
  /** Ctrl (Cmd on macOS) plus one of these. The first is the one shown on buttons. */
  chords: readonly KeyChord[];
  /**
   * Lexical's rich text already handles it (bold, italic, underline, undo): our handler only
   * takes the on-screen selection first, and lets Lexical act.
   */
  byLexical?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'undo', label: 'Undo', chords: [{ key: 'z' }], byLexical: true },
  // Ctrl+Y is Lexical's on Windows and Linux; Cmd+Y on macOS is ours (see matchShortcut).
  { action: 'redo', label: 'Redo', chords: [{ key: 'y' }, { key: 'z', shift: true }], byLexical: true },
  { action: 'bold', label: 'Bold', chords: [{ key: 'b' }], byLexical: true },
  { action: 'italic', label: 'Italic', chords: [{ key: 'i' }], byLexical: true },
  { action: 'underline', label: 'Underline', chords: [{ key: 'u' }], byLexical: true },
  { action: 'strikethrough', label: 'Strikethrough', chords: [{ key: 'x', shift: true }] },
  { action: 'link', label: 'Link', chords: [{ key: 'k' }] },
  { action: 'paragraph', label: 'Paragraph', chords: [{ key: '0', alt: true }] },
  { action: 'h2', label: 'Heading 2', chords: [{ key: '2', alt: true }] },
  { action: 'h3', label: 'Heading 3', chords: [{ key: '3', alt: true }] },
  { action: 'number', label: 'Numbered list', chords: [{ key: '7', shift: true }] },
  { action: 'bullet', label: 'Bulleted list', chords: [{ key: '8', shift: true }] },
  { action: 'quote', label: 'Quote', chords: [{ key: '9', shift: true }] },
  // Letters with Alt match on event.key too: AltGr+Q types "@" on a German keyboard, not this.
  { action: 'pullquote', label: 'Pull quote', chords: [{ key: 'q', alt: true }] },
  // Not Ctrl+Shift+I: Chromium and Electron keep that for the developer tools.
  { action: 'insert', label: 'Insert menu', chords: [{ key: 'i', alt: true }] },
  { action: 'find', label: 'Find and replace', chords: [{ key: 'f' }] },
  { action: 'shortcuts', label: 'Keyboard shortcuts', chords: [{ key: '/' }] },
];

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const isDigit = (key: string): boolean => key.length === 1 && key >= '0' && key <= '9';

/**
 * Digits with Alt match on `event.key`: AltGr arrives as Ctrl+Alt on Windows and AltGr+2 types
 * "²" or "@" on many layouts, which must keep working. Digits with Shift match on `event.code`:
 * Shift+7 is "&" on a US keyboard and "/" on a German one, but always the key marked 7.
 */
function chordMatches(chord: KeyChord, event: KeyLike): boolean {
  if (Boolean(chord.shift) !== event.shiftKey || Boolean(chord.alt) !== event.altKey) return false;
  if (chord.shift && isDigit(chord.key)) return event.code === `Digit${chord.key}`;
  return event.key.toLowerCase() === chord.key;
}

/** The shortcut a key press means, or null. `apple`: Cmd is the modifier instead of Ctrl. */
export function matchShortcut(event: KeyLike, apple: boolean): Shortcut | null {
  const mod = apple ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod) return null;
  return SHORTCUTS.find((shortcut) => shortcut.chords.some((chord) => chordMatches(chord, event))) ?? null;
}

/** "Ctrl+Shift+X" or "⇧⌘X", as printed on the sheet and in button tooltips. */
export function describeChord(chord: KeyChord, apple: boolean): string {
  const key = chord.key.toUpperCase();
  if (apple) return `${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}⌘${key}`;
  return ['Ctrl', chord.alt ? 'Alt' : null, chord.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}

export function shortcutFor(action: EditorAction): Shortcut {
  const found = SHORTCUTS.find((shortcut) => shortcut.action === action);
  if (!found) throw new Error(`No shortcut for ${action}`);
  return found;
}

/** The tooltip text of a toolbar button: its first chord. */
export function keysFor(action: EditorAction, apple: boolean): string {
  const chord = shortcutFor(action).chords[0];
  return chord ? describeChord(chord, apple) : '';
}
