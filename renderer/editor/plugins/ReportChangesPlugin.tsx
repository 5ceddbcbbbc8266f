import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import type { EditorStateJson } from '../../../shared/model/article';

/**
 * Reports the document as JSON after every content change. Selection-only updates and the
 * initial load are skipped, so opening a draft never looks like an edit (and never autosaves).
 * Unlike OnChangePlugin it does not drop updates tagged history-merge: those can carry real edits.
 */
export function ReportChangesPlugin({ onChange }: { onChange: (body: EditorStateJson) => void }): null {
  const [editor] = useLexicalComposerContext();
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        if (prevEditorState.isEmpty()) return;
        // SerializedEditorState types `root.type` as string; the root is always 'root'.
        latest.current(editorState.toJSON() as unknown as EditorStateJson);
      }),
    [editor],
  );
  return null;
}
