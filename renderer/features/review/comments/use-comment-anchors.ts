import { COMMAND_PRIORITY_LOW, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { $isMarkNode } from '../../../../shared/editor/nodes';
import { $marksOf, $threadIdsInOrder } from '../../../../shared/editor/review/comments';
import { touchesReviewNodes } from '../touches-review-nodes';

/** The thread ids anchored in the body, in document order, kept current as the story is edited. */
export function useAnchoredIds(editor: LexicalEditor | null): string[] {
  const [ids, setIds] = useState<string[]>([]);
  useEffect(() => {
    if (!editor) return;
    const read = () => {
      const next = editor.getEditorState().read($threadIdsInOrder);
      // Most keystrokes change no anchor: keep the same array so the panel does not re-render.
      setIds((previous) => (previous.length === next.length && previous.every((id, index) => id === next[index]) ? previous : next));
    };
    read();
    return editor.registerUpdateListener((update) => {
      if (touchesReviewNodes(update, $isMarkNode)) read();
    });
  }, [editor]);
  return ids;
}

/** Ctrl+Alt+M in the story starts a comment on the selection, as in word processors. */
export function useCommentShortcut(editor: LexicalEditor | null, onComment: () => void): void {
  const latest = useRef(onComment);
  useEffect(() => {
    latest.current = onComment;
  });
  useEffect(() => {
    if (!editor) return;
    return editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event: KeyboardEvent) => {
        if (!(event.ctrlKey && event.altKey && event.key.toLowerCase() === 'm')) return false;
        event.preventDefault();
        latest.current();
        return true;
      },
      COMMAND_PRIORITY_LOW,
    );
  }, [editor]);
}

const ACTIVE = 'nr-mark-active';

/** Highlights the marks of the thread being looked at, so the reader sees which passage it is about. */
export function useActiveMarks(editor: LexicalEditor | null, activeId: string | null): void {
  useEffect(() => {
    if (!editor || activeId === null) return;
    const paint = () => {
      const root = editor.getRootElement();
      root?.querySelectorAll(`.${ACTIVE}`).forEach((element) => element.classList.remove(ACTIVE));
      const keys = editor.getEditorState().read(() => $marksOf(activeId).map((mark) => mark.getKey()));
      for (const key of keys) editor.getElementByKey(key)?.classList.add(ACTIVE);
    };
    paint();
    const stop = editor.registerUpdateListener(paint);
    return () => {
      stop();
      editor.getRootElement()?.querySelectorAll(`.${ACTIVE}`).forEach((element) => element.classList.remove(ACTIVE));
    };
  }, [editor, activeId]);
}
