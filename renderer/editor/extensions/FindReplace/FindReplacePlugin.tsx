import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { idleAfter } from '../../../lib/idle';
import { OPEN_FIND_COMMAND } from '../../commands';
import { $findMatches, domRangesOf, replaceAll, replaceOne, type EditorMatch } from './find-in-editor';
import { describeMatches, stepMatch, type FindOptions } from './find-in-text';
import { clearMatches, paintMatches, revealRange } from './highlight';

/** How long the document must be still before the matches are looked for again. */
const RESCAN_AFTER_MS = 150;

/** The "Find and replace" bar under the toolbar: opened with Ctrl/Cmd+F or its toolbar button. */
export function FindReplacePlugin() {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_FIND_COMMAND,
        () => {
          setOpen(true);
          setFocusRequest((n) => n + 1);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );

  const close = useCallback(() => {
    setOpen(false);
    editor.focus();
  }, [editor]);

  return open ? <FindBar editor={editor} focusRequest={focusRequest} onClose={close} /> : null;
}

interface BarProps {
  editor: LexicalEditor;
  /** Changes each time Ctrl+F is pressed again: the Find field takes the focus back. */
  focusRequest: number;
  onClose: () => void;
}

function FindBar({ editor, focusRequest, onClose }: BarProps) {
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [options, setOptions] = useState<FindOptions>({ matchCase: false, wholeWord: false });
  const [chosen, setChosen] = useState(0);
  const [revision, setRevision] = useState(0);
  const findField = useRef<HTMLInputElement>(null);
  const ids = { find: useId(), replace: useId(), count: useId() };

  useEffect(() => {
    findField.current?.focus();
    findField.current?.select();
  }, [focusRequest]);

  // While the bar is open, edits are followed at idle (never on each key press) and only then.
  useEffect(() => {
    let cancel: (() => void) | null = null;
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      cancel?.();
      cancel = idleAfter(RESCAN_AFTER_MS, () => setRevision((n) => n + 1), 1_000);
    });
    return () => {
      cancel?.();
      unregister();
    };
  }, [editor]);

  // `revision` is not read, but a new one means the text changed: look again.
  const matches = useMemo<EditorMatch[]>(
    () => (revision >= 0 ? editor.getEditorState().read(() => $findMatches(query, options), { editor }) : []),
    [editor, query, options, revision],
  );
  const current = chosen < matches.length ? chosen : 0;

  useEffect(() => {
    const ranges = domRangesOf(editor, matches);
    paintMatches(ranges, current);
    revealRange(ranges[current] ?? null);
  }, [editor, matches, current]);

  useEffect(() => clearMatches, []);

  const step = (direction: 1 | -1) => setChosen(stepMatch(current, matches.length, direction));
  const rescan = () => setRevision((n) => n + 1);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      // Ctrl/Cmd+F again, from anywhere in the bar: back to the Find field.
      event.preventDefault();
      findField.current?.focus();
      findField.current?.select();
    } else if (event.key === 'Enter' && event.target === findField.current) {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    }
  };

  const total = matches.length;
  return (
    <section className="find-bar" role="search" aria-label="Find and replace" onKeyDown={onKeyDown}>
      <label htmlFor={ids.find}>Find</label>
      <input
        id={ids.find}
        ref={findField}
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={query}
        aria-describedby={ids.count}
        onChange={(event) => setQuery(event.target.value)}
      />
      <span id={ids.count} className="find-count" role="status">
        {describeMatches(current, total, query)}
      </span>
      <label htmlFor={ids.replace}>Replace</label>
      <input
        id={ids.replace}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={replacement}
        onChange={(event) => setReplacement(event.target.value)}
      />
      <label className="find-option">
        <input type="checkbox" checked={options.matchCase} onChange={(event) => setOptions({ ...options, matchCase: event.target.checked })} />
        Match case
      </label>
      <label className="find-option">
        <input type="checkbox" checked={options.wholeWord} onChange={(event) => setOptions({ ...options, wholeWord: event.target.checked })} />
        Whole word
      </label>
      <span className="find-actions">
        <button type="button" disabled={total === 0} onClick={() => step(-1)}>
          Previous
        </button>
        <button type="button" disabled={total === 0} onClick={() => step(1)}>
          Next
        </button>
        <button
          type="button"
          disabled={total === 0}
          onClick={() => {
            replaceOne(editor, query, options, current, replacement);
            // The last match gone, this button turns disabled and would drop the focus.
            if (total === 1) findField.current?.focus();
            rescan();
          }}
        >
          Replace
        </button>
        <button
          type="button"
          disabled={total === 0}
          onClick={() => {
            replaceAll(editor, query, options, replacement);
            // Nothing left to replace: the buttons turn disabled and would drop the focus, and
            // Escape would no longer reach the bar.
            findField.current?.focus();
            rescan();
          }}
        >
          Replace all
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </span>
    </section>
  );
}
