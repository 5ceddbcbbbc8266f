import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW, IS_APPLE } from 'lexical';
import { useEffect, useId, useRef, useState } from 'react';
import { OPEN_SHORTCUTS_COMMAND } from '../commands';
import { describeChord, SHORTCUTS } from './shortcut-table';

/**
 * The "Keyboard shortcuts" sheet, listing the very table the key handler uses. A modal <dialog>:
 * the browser keeps the focus inside it and Escape closes it; the focus then goes back to the text.
 */
export function ShortcutsSheetPlugin() {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_SHORTCUTS_COMMAND,
        () => {
          setOpen(true);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );

  useEffect(() => {
    const element = dialog.current;
    if (!element || !open) return;
    // happy-dom has no showModal; the open attribute still shows it there.
    if (typeof element.showModal === 'function' && !element.open) element.showModal();
    else element.setAttribute('open', '');
  }, [open]);

  const close = () => {
    dialog.current?.close?.();
    setOpen(false);
    editor.focus();
  };

  if (!open) return null;
  return (
    <dialog
      ref={dialog}
      className="shortcuts-sheet"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action}>
              <th scope="row">{shortcut.label}</th>
              <td>
                {shortcut.chords.map((chord, index) => (
                  <span key={index}>
                    {index > 0 && ' or '}
                    <kbd>{describeChord(chord, IS_APPLE)}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Insert menu in an empty paragraph</th>
            <td>
              <kbd>/</kbd>
            </td>
          </tr>
        </tbody>
      </table>
      <button type="button" onClick={close} autoFocus>
        Close
      </button>
    </dialog>
  );
}
