import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import {
  $readSelectionFormat,
  OPEN_FIND_COMMAND,
  OPEN_INSERT_MENU_COMMAND,
  OPEN_LINK_EDITOR_COMMAND,
  OPEN_SHORTCUTS_COMMAND,
  setParagraph,
  toggleHeading,
  toggleList,
  togglePullQuote,
  toggleQuote,
} from './commands';
import type { EditorAction } from './shortcuts/shortcut-table';

/**
 * What each action of the shortcut table does. The toolbar buttons and the key handler both run
 * this, so a button and its shortcut can never behave differently.
 */
export function runEditorAction(editor: LexicalEditor, action: EditorAction): void {
  switch (action) {
    case 'undo':
      editor.dispatchCommand(UNDO_COMMAND, undefined);
      return;
    case 'redo':
      editor.dispatchCommand(REDO_COMMAND, undefined);
      return;
    case 'bold':
    case 'italic':
    case 'underline':
    case 'strikethrough':
      editor.dispatchCommand(FORMAT_TEXT_COMMAND, action);
      return;
    case 'link':
      editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
      return;
    case 'paragraph':
      setParagraph(editor);
      return;
    case 'h2':
    case 'h3':
      toggleHeading(editor, action);
      return;
    case 'bullet':
    case 'number': {
      const current = editor.getEditorState().read($readSelectionFormat, { editor })?.block ?? 'paragraph';
      toggleList(editor, action, current);
      return;
    }
    case 'quote':
      toggleQuote(editor);
      return;
    case 'pullquote':
      togglePullQuote(editor);
      return;
    case 'insert':
      editor.dispatchCommand(OPEN_INSERT_MENU_COMMAND, undefined);
      return;
    case 'find':
      editor.dispatchCommand(OPEN_FIND_COMMAND, undefined);
      return;
    case 'shortcuts':
      editor.dispatchCommand(OPEN_SHORTCUTS_COMMAND, undefined);
      return;
  }
}
