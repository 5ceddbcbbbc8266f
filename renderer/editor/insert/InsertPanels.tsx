import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import { $getSelection, $setSelection, COMMAND_PRIORITY_LOW, type BaseSelection, type LexicalNode } from 'lexical';
import { useEffect, useState } from 'react';
import { $createEmbedNode, $createImageNode } from '../../../shared/editor/nodes';
import { useDraftId } from '../nodes/draft-context';
import { EmbedPanel } from './EmbedPanel';
import { ImagePanel } from './ImagePanel';
import { OPEN_INSERT_PANEL_COMMAND } from './insert-items';

interface Open {
  kind: 'image' | 'embed';
  /** Where the caret was: the panel takes the focus, the block goes back there. */
  selection: BaseSelection | null;
}

/**
 * The small panels under the toolbar that ask for what an insert needs: the image file, or the
 * address of the post to embed.
 */
export function InsertPanelsPlugin() {
  const [editor] = useLexicalComposerContext();
  const draftId = useDraftId();
  const [open, setOpen] = useState<Open | null>(null);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_INSERT_PANEL_COMMAND,
        (kind) => {
          const selection = $getSelection();
          setOpen({ kind, selection: selection ? selection.clone() : null });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );

  const close = () => {
    setOpen(null);
    editor.focus();
  };

  const insert = (create: () => LexicalNode) => {
    const saved = open?.selection ?? null;
    editor.update(() => {
      if (saved) $setSelection(saved.clone());
      $insertNodeToNearestRoot(create());
    });
    close();
  };

  if (!open) return null;
  if (open.kind === 'image') {
    return <ImagePanel draftId={draftId} onInsert={(asset) => insert(() => $createImageNode({ asset }))} onCancel={close} />;
  }
  return <EmbedPanel onInsert={(url) => insert(() => $createEmbedNode(url))} onCancel={close} />;
}
