import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG, type EditorState, type LexicalNode, type NodeKey } from 'lexical';
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
 * updates tagged history-merge: those can carry real edits. But one that only re-marks nodes
 * dirty is skipped: Lexical does that when a plugin registers a node transform after the document
 * is loaded (so the transform sees the existing nodes), and under load that happened after the
 * first paint: opening a draft rewrote its file.
 */
export function ReportChangesPlugin({ onEdit, onChange }: Props): null {
  const [editor] = useLexicalComposerContext();
  const latest = useRef({ onEdit, onChange });
  useEffect(() => {
    latest.current = { onEdit, onChange };
  }, [onEdit, onChange]);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        if (prevEditorState.isEmpty()) return;
        if (tags.has(HISTORY_MERGE_TAG) && unchanged(prevEditorState, editorState, dirtyElements.keys(), dirtyLeaves)) return;
        latest.current.onEdit?.(editorState);
        latest.current.onChange?.(bodyJsonOf(editorState));
      }),
    [editor],
  );
  return null;
}

/** The links that place a node in the tree, with its own JSON (an element's without its children). */
function sameNode(before: LexicalNode | undefined, after: LexicalNode | undefined): boolean {
  if (before === undefined || after === undefined) return before === after;
  if (before === after) return true;
  const links = ['__parent', '__prev', '__next', '__first', '__last', '__size'] as const;
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  if (links.some((link) => a[link] !== b[link])) return false;
  return JSON.stringify(before.exportJSON()) === JSON.stringify(after.exportJSON());
}

/** True when every node the update touched is as it was: nothing the journalist could see changed. */
function unchanged(before: EditorState, after: EditorState, elements: Iterable<NodeKey>, leaves: Iterable<NodeKey>): boolean {
  for (const keys of [elements, leaves]) {
    for (const key of keys) if (!sameNode(before._nodeMap.get(key), after._nodeMap.get(key))) return false;
  }
  return true;
}
