import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $getSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, type LexicalEditor } from 'lexical';
import { cleanHtml } from './clean-html';
import { $nodesFromCleanHtml } from './import-nodes';

export { cleanHtml } from './clean-html';
export { $nodesFromCleanHtml } from './import-nodes';

/**
 * Clean paste: clipboard HTML (Word, Google Docs, LibreOffice, web pages) goes through the one
 * cleaning pipeline (clean-html.ts) before Lexical imports it. Registered above Lexical's rich-text
 * paste, which still handles plain-text-only clipboards and copies made inside our own editor
 * (application/x-lexical-editor: nodes whose JSON each class validates, links re-checked by the
 * link policy transform).
 */
export function registerCleanPaste(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    PASTE_COMMAND,
    (event) => {
      const data = 'clipboardData' in event ? event.clipboardData : null;
      if (!data || data.types.includes('application/x-lexical-editor')) return false;
      const html = data.getData('text/html');
      if (html.trim() === '') return false;
      event.preventDefault();
      const cleaned = cleanHtml(window, html);
      editor.update(
        () => {
          const selection = $getSelection();
          if (!selection) return;
          const nodes = $nodesFromCleanHtml(editor, new DOMParser(), cleaned);
          if (nodes.length > 0) $insertGeneratedNodes(editor, nodes, selection);
        },
        { tag: 'paste' },
      );
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
}
