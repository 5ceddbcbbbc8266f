import { COMMAND_PRIORITY_NORMAL, IS_APPLE, KEY_DOWN_COMMAND, REDO_COMMAND, type LexicalEditor } from 'lexical';
import { $syncSelectionFromDom, OPEN_LINK_EDITOR_COMMAND, toggleHeading } from '../../commands';

/**
 * Shortcuts Lexical's rich text does not give us: Ctrl/Cmd+K (link), Ctrl/Cmd+Alt+2/3 (headings)
 * and Cmd+Y on macOS (Lexical maps Ctrl+Y only elsewhere). Bold, italic, undo and redo
 * (Ctrl/Cmd+B/I/Z, Shift+Z) come from Lexical itself.
 *
 * Headings match on `event.key`, not `event.code`: AltGr arrives as Ctrl+Alt on Windows, and
 * AltGr+2 types "²" or "@" on many layouts, which must keep working.
 */
export function registerArticleShortcuts(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    KEY_DOWN_COMMAND,
    (event) => {
      const mod = IS_APPLE ? event.metaKey : event.ctrlKey;
      if (!mod) return false;
      const key = event.key.toLowerCase();
      // Everything below acts on the selection (Lexical's own Ctrl/Cmd+B and I included): make
      // sure it is the one on screen. Undo/redo (z, y) restore their own selection.
      if (key === 'b' || key === 'i' || key === 'k' || (event.altKey && (key === '2' || key === '3'))) {
        $syncSelectionFromDom(editor);
      }
      if (!event.altKey && !event.shiftKey && key === 'k') {
        event.preventDefault();
        editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
        return true;
      }
      if (event.altKey && !event.shiftKey && (key === '2' || key === '3')) {
        event.preventDefault();
        toggleHeading(editor, key === '2' ? 'h2' : 'h3');
        return true;
      }
      if (IS_APPLE && !event.altKey && !event.shiftKey && key === 'y') {
        event.preventDefault();
        editor.dispatchCommand(REDO_COMMAND, undefined);
        return true;
      }
      return false;
    },
    // Above Lexical's own handler (COMMAND_PRIORITY_EDITOR), so the selection is fresh for it too.
    COMMAND_PRIORITY_NORMAL,
  );
}
