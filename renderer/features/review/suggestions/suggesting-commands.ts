import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  FORMAT_TEXT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  type LexicalEditor,
  PASTE_COMMAND,
  REMOVE_TEXT_COMMAND,
} from 'lexical';
import { SUGGESTIBLE_FORMATS, type Stamp } from '../../../../shared/model/review';
import {
  $suggestDelete,
  $suggestFormat,
  $suggestInsertText,
  $suggestParagraph,
  $suggestRemoveSelection,
  type DeleteOptions,
  type SuggestibleFormat,
  type SuggestOutcome,
} from '../../../../shared/editor/review/suggestions';

/** Native input types that put plain text in: done by the engine instead, as an insertion. */
const TEXT_INPUTS = new Set(['insertText', 'insertReplacementText', 'insertFromYank', 'insertFromDrop', 'insertFromPaste']);

const isSuggestible = (format: string): format is SuggestibleFormat => (SUGGESTIBLE_FORMATS as readonly string[]).includes(format);

/**
 * While suggesting, every edit to the body goes through the suggestion engine: the handlers run
 * at CRITICAL priority so no other plugin (or Lexical's default) changes the text first, and they
 * always claim the command. Chromium types plain text natively unless told otherwise, so the
 * BEFORE_INPUT command (dispatched by Lexical for every `beforeinput`, inside an update that has
 * already read the DOM selection) takes those inputs and cancels the native insertion.
 * `report` gets the plain reason when an edit cannot be suggested, or null when one was.
 */
export function registerSuggesting(editor: LexicalEditor, stamp: () => Stamp | null, report: (message: string | null) => void): () => void {
  const run = (edit: (by: Stamp, id: string) => SuggestOutcome): true => {
    const by = stamp();
    if (by === null) {
      report('Set your name in Settings before suggesting changes.');
      return true;
    }
    const outcome = edit(by, crypto.randomUUID());
    report(outcome.ok ? null : outcome.message);
    return true;
  };
  const insert = (text: string): true => run((by, id) => $suggestInsertText(text, by, id));
  const remove = (options: DeleteOptions): true => run((by, id) => $suggestDelete(by, id, options));
  const selectedText = (): string => {
    const selection = $getSelection();
    return $isRangeSelection(selection) ? selection.getTextContent() : '';
  };
  const critical = COMMAND_PRIORITY_CRITICAL;

  return mergeRegister(
    editor.registerCommand(
      BEFORE_INPUT_COMMAND,
      (event) => {
        if (!TEXT_INPUTS.has(event.inputType)) return false;
        event.preventDefault();
        return insert(event.data ?? event.dataTransfer?.getData('text/plain') ?? '');
      },
      critical,
    ),
    editor.registerCommand(
      CONTROLLED_TEXT_INSERTION_COMMAND,
      (payload) => insert(typeof payload === 'string' ? payload : (payload.data ?? payload.dataTransfer?.getData('text/plain') ?? '')),
      critical,
    ),
    editor.registerCommand(DELETE_CHARACTER_COMMAND, (backward) => remove({ backward, unit: 'character' }), critical),
    editor.registerCommand(DELETE_WORD_COMMAND, (backward) => remove({ backward, unit: 'word' }), critical),
    editor.registerCommand(DELETE_LINE_COMMAND, (backward) => remove({ backward, unit: 'line' }), critical),
    editor.registerCommand(REMOVE_TEXT_COMMAND, () => run((by, id) => $suggestRemoveSelection(by, id)), critical),
    editor.registerCommand(INSERT_PARAGRAPH_COMMAND, () => run(() => $suggestParagraph()), critical),
    editor.registerCommand(INSERT_LINE_BREAK_COMMAND, () => insert('\n'), critical),
    editor.registerCommand(
      FORMAT_TEXT_COMMAND,
      (format) => {
        const selection = $getSelection();
        // A caret only changes what the next letters look like; typing then suggests them.
        if ($isRangeSelection(selection) && selection.isCollapsed()) return false;
        if (!isSuggestible(format)) {
          report('That format cannot be suggested. Turn Suggesting off to apply it.');
          return true;
        }
        return run((by, id) => $suggestFormat(format, by, id));
      },
      critical,
    ),
    editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const text = 'clipboardData' in event ? event.clipboardData?.getData('text/plain') : undefined;
        event.preventDefault();
        // Pasted in suggesting mode, formatting is dropped: the text is what is suggested.
        return text === undefined ? true : insert(text);
      },
      critical,
    ),
    editor.registerCommand(
      CUT_COMMAND,
      (event) => {
        const text = selectedText();
        if (event !== null && 'clipboardData' in event && event.clipboardData !== null) {
          event.preventDefault();
          event.clipboardData.setData('text/plain', text);
        } else {
          void navigator.clipboard?.writeText(text).catch(() => report('The text could not be copied; it is struck but still there.'));
        }
        return run((by, id) => $suggestRemoveSelection(by, id));
      },
      critical,
    ),
  );
}
