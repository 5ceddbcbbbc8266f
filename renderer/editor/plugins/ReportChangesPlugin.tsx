import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { EditorState } from 'lexical';
import { useEffect, useRef } from 'react';
import type { EditorStateJson } from '../../../shared/model/article';
import { bodyJsonOf } from '../body-json';

interface Props {
  /** The committed state after each content change: costs nothing; serialise it when needed. */
  onEdit?: ((state: EditorState) => void) | undefined;
  /** The document as JSON after each content change: serialises the whole document every time. */
  onChange?: ((body: EditorStateJson) => void) | undefined;
}

/**
 * Reports content changes. Selection-only updates and the initial load are skipped, so opening a
 * draft never looks like an edit (and never autosaves). Unlike OnChangePlugin it does not drop
 * updates tagged history-merge: those can carry real edits.
 */
export function ReportChangesPlugin({ onEdit, onChange }: Props): null {
  const [editor] = useLexicalComposerContext();
  const latest = useRef({ onEdit, onChange });
  useEffect(() => {
    latest.current = { onEdit, onChange };
  }, [onEdit, onChange]);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        if (prevEditorState.isEmpty()) return;
        latest.current.onEdit?.(editorState);
        latest.current.onChange?.(bodyJsonOf(editorState));
      }),
    [editor],
  );
  return null;
}
