import { mergeRegister } from '@lexical/utils';
import { CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW, type LexicalEditor } from 'lexical';
import { useEffect, useState } from 'react';
import { $readSelectionFormat, EMPTY_FORMAT, type SelectionFormat } from '../commands';

const sameFormat = (a: SelectionFormat, b: SelectionFormat): boolean =>
  a.block === b.block &&
  a.bold === b.bold &&
  a.italic === b.italic &&
  a.underline === b.underline &&
  a.strikethrough === b.strikethrough &&
  a.link === b.link;

/**
 * What the toolbar shows, read in an update listener. State is set only when a value actually
 * changes, so typing inside one paragraph does not re-render the toolbar on every keystroke.
 */
export function useSelectionFormat(editor: LexicalEditor): {
  format: SelectionFormat;
  canUndo: boolean;
  canRedo: boolean;
} {
  const [format, setFormat] = useState<SelectionFormat>(
    () => editor.getEditorState().read($readSelectionFormat, { editor }) ?? EMPTY_FORMAT,
  );
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(() => {
    const update = (next: SelectionFormat | null) => {
      if (next) setFormat((prev) => (sameFormat(prev, next) ? prev : next));
    };
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => update(editorState.read($readSelectionFormat, { editor }))),
      // React bails out on equal booleans, so these never re-render needlessly either.
      editor.registerCommand(CAN_UNDO_COMMAND, (value) => (setCanUndo(value), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_REDO_COMMAND, (value) => (setCanRedo(value), false), COMMAND_PRIORITY_LOW),
    );
  }, [editor]);

  return { format, canUndo, canRedo };
}
