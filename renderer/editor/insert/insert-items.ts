import { $insertNodeToNearestRoot } from '@lexical/utils';
import { createCommand, type LexicalEditor } from 'lexical';
import { $createHorizontalRuleNode } from '../../../shared/editor/nodes';
import { runEditorAction } from '../actions';

/** Asks the insert panels (InsertPanels.tsx) to ask for an image file or an embed address. */
export const OPEN_INSERT_PANEL_COMMAND = createCommand<'image' | 'embed'>('OPEN_INSERT_PANEL_COMMAND');

export type InsertItemId = 'h2' | 'h3' | 'bullet' | 'number' | 'quote' | 'pullquote' | 'hr' | 'image' | 'embed';

export interface InsertItem {
  id: InsertItemId;
  label: string;
  /** Other words the slash menu matches ("/rule", "/line" and "/hr" all find the rule). */
  keywords: readonly string[];
}

/** The Insert menu and the slash menu offer the same items, in this order. */
export const INSERT_ITEMS: readonly InsertItem[] = [
  { id: 'h2', label: 'Heading 2', keywords: ['h2', 'title', 'subhead'] },
  { id: 'h3', label: 'Heading 3', keywords: ['h3', 'subhead'] },
  { id: 'bullet', label: 'Bulleted list', keywords: ['ul', 'bullets', 'unordered'] },
  { id: 'number', label: 'Numbered list', keywords: ['ol', 'ordered', 'numbers'] },
  { id: 'quote', label: 'Quote', keywords: ['blockquote'] },
  { id: 'pullquote', label: 'Pull quote', keywords: ['pullquote', 'callout'] },
  { id: 'hr', label: 'Horizontal rule', keywords: ['hr', 'line', 'divider', 'separator'] },
  { id: 'image', label: 'Image', keywords: ['picture', 'photo', 'img'] },
  { id: 'embed', label: 'Embed', keywords: ['video', 'youtube', 'tweet', 'x', 'instagram', 'url'] },
];

/** The items whose label or keywords start with what follows the slash, in menu order. */
export function filterInsertItems(query: string): InsertItem[] {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') return [...INSERT_ITEMS];
  return INSERT_ITEMS.filter((item) => {
    const words = [...item.label.toLowerCase().split(/\s+/), item.label.toLowerCase(), ...item.keywords];
    return words.some((word) => word.startsWith(wanted));
  });
}

/** A rule under the current block, with the caret after it. */
export function insertHorizontalRule(editor: LexicalEditor): void {
  editor.update(() => {
    // Without a selection (nothing clicked yet), Lexical puts it at the end of the story.
    $insertNodeToNearestRoot($createHorizontalRuleNode());
  });
}

export function runInsertItem(editor: LexicalEditor, id: InsertItemId): void {
  switch (id) {
    case 'hr':
      insertHorizontalRule(editor);
      return;
    case 'image':
    case 'embed':
      editor.dispatchCommand(OPEN_INSERT_PANEL_COMMAND, id);
      return;
    default:
      runEditorAction(editor, id);
  }
}
