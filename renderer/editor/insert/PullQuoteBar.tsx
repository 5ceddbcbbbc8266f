import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import { $getNodeByKey, $getSelection, $isRangeSelection, type NodeKey } from 'lexical';
import { useEffect, useId, useState } from 'react';
import { $isPullQuoteNode } from '../../../shared/editor/nodes';
import { EchoInput } from '../nodes/EchoInput';

interface Current {
  key: NodeKey;
  attribution: string;
}

const same = (a: Current | null, b: Current | null): boolean => a?.key === b?.key && a?.attribution === b?.attribution;

/**
 * While the caret is in a pull quote, a small bar under the toolbar holds its attribution ("—
 * the minister"), which is data of the node rather than text of the quote. React re-renders only
 * when the caret enters or leaves a pull quote, never on each key typed in it.
 */
export function PullQuoteBarPlugin() {
  const [editor] = useLexicalComposerContext();
  const [current, setCurrent] = useState<Current | null>(null);
  const inputId = useId();

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read(() => {
          const selection = $getSelection();
          // No selection: the focus went elsewhere (perhaps into this bar): keep what is shown.
          if (!$isRangeSelection(selection)) return undefined;
          const quote = $findMatchingParent(selection.anchor.getNode(), $isPullQuoteNode);
          return $isPullQuoteNode(quote) ? { key: quote.getKey(), attribution: quote.getAttribution() } : null;
        });
        if (next !== undefined) setCurrent((prev) => (same(prev, next) ? prev : next));
      }),
    [editor],
  );

  if (!current) return null;
  return (
    <div className="pull-quote-bar" role="group" aria-label="Pull quote">
      <label htmlFor={inputId}>Attribution</label>
      <EchoInput
        id={inputId}
        placeholder="Who said it"
        value={current.attribution}
        onChange={(attribution) =>
          editor.update(() => {
            const node = $getNodeByKey(current.key);
            if ($isPullQuoteNode(node)) node.setAttribution(attribution);
          })
        }
      />
    </div>
  );
}
