import { stopLexicalPropagation } from 'lexical';
import { useEffect, type RefObject } from 'react';

/** What the browser sends while someone types in a field or presses a button. */
const EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'paste',
  'cut',
  'copy',
  'compositionstart',
  'compositionend',
  'drop',
  'dragstart',
  'dragover',
  'click',
  'mousedown',
  'pointerdown',
] as const;

const isControl = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('input, textarea, select, button, label') !== null;

/**
 * A card drawn inside the article (image, embed) has its own fields. Their events bubble up to
 * the editor's root, where Lexical would take a Backspace or Enter typed in a caption as an edit
 * of the story. Marking them as handled (Lexical's own flag) keeps Lexical out, while React,
 * listening higher up, still sees them and the fields keep working.
 */
export function useShieldFromEditor(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const shield = (event: Event) => {
      if (isControl(event.target)) stopLexicalPropagation(event);
    };
    for (const name of EVENTS) element.addEventListener(name, shield);
    return () => {
      for (const name of EVENTS) element.removeEventListener(name, shield);
    };
  }, [ref]);
}
