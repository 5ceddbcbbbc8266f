import { COMMAND_PRIORITY_NORMAL, IS_APPLE, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical';
import { runEditorAction } from '../../actions';
import { $syncSelectionFromDom } from '../../commands';
import { matchShortcut } from '../../shortcuts/shortcut-table';

/**
 * The editor's keyboard shortcuts, from the one table in shortcuts/shortcut-table.ts. Those
 * Lexical's rich text already handles (bold, italic, underline, undo, redo) are left to it;
 * Cmd+Y on macOS is ours, as Lexical maps Ctrl+Y only elsewhere.
 */
export function registerArticleShortcuts(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    KEY_DOWN_COMMAND,
    (event) => {
      const shortcut = matchShortcut(event, IS_APPLE);
      if (!shortcut) return false;
      const isUndoRedo = shortcut.action === 'undo' || shortcut.action === 'redo';
      // Everything else acts on the selection, Lexical's own Ctrl/Cmd+B, I and U included: make
      // sure it is the one on screen. Undo and redo restore their own selection.
      if (!isUndoRedo) $syncSelectionFromDom(editor);
      const macRedo = IS_APPLE && shortcut.action === 'redo' && event.key.toLowerCase() === 'y';
      if (shortcut.byLexical && !macRedo) return false;
      event.preventDefault();
      runEditorAction(editor, shortcut.action);
      return true;
    },
    // Above Lexical's own handler (COMMAND_PRIORITY_EDITOR), so the selection is fresh for it too.
    COMMAND_PRIORITY_NORMAL,
  );
}
