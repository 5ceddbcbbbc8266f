import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';

/**
 * Mounts a `register(editor) => unregister` function from renderer/editor/extensions/ for as long
 * as the composer lives: features stay plain functions, React only decides when.
 */
export function RegisterPlugin({ register }: { register: (editor: LexicalEditor) => () => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => register(editor), [editor, register]);
  return null;
}
