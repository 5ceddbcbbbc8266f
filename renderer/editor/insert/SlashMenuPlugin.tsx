import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin, MenuOption, type MenuTextMatch } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $getSelection, $isParagraphNode, $isRangeSelection, $isRootNode, type LexicalEditor, type TextNode } from 'lexical';
import { useCallback, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { filterInsertItems, runInsertItem, type InsertItem } from './insert-items';

class InsertOption extends MenuOption {
  constructor(readonly item: InsertItem) {
    super(item.id);
  }
}

/** "/" then up to 20 letters or spaces, typed at the very start of an otherwise empty paragraph. */
const SLASH_QUERY = /^\/([\p{L}\p{N} ]{0,20})$/u;

/**
 * Opens the slash menu only where it cannot get in the way of writing: the paragraph holds
 * nothing but the "/query" being typed. A slash inside a sentence ("and/or", "24/7") is text.
 */
export function slashTrigger(text: string, editor: LexicalEditor): MenuTextMatch | null {
  const match = SLASH_QUERY.exec(text);
  if (!match) return null;
  const alone = editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
    const block = selection.anchor.getNode().getTopLevelElement();
    return $isParagraphNode(block) && $isRootNode(block.getParent()) && block.getTextContent() === text;
  });
  if (!alone) return null;
  return { leadOffset: 0, matchingString: match[1] ?? '', replaceableString: text };
}

/** The slash menu: the Insert menu's items, filtered by what follows the "/". */
export function SlashMenuPlugin() {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const options = useMemo(() => filterInsertItems(query ?? '').map((item) => new InsertOption(item)), [query]);

  const onSelect = useCallback(
    (option: InsertOption, textNode: TextNode | null, closeMenu: () => void) => {
      editor.update(() => {
        // The "/query" goes; the caret stays in the now empty paragraph.
        const paragraph = textNode?.getParent();
        textNode?.remove();
        paragraph?.selectStart();
      });
      closeMenu();
      runInsertItem(editor, option.item.id);
    },
    [editor],
  );

  return (
    <LexicalTypeaheadMenuPlugin<InsertOption>
      options={options}
      onQueryChange={setQuery}
      onSelectOption={onSelect}
      triggerFn={slashTrigger}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchor.current && options.length > 0
          ? createPortal(
              <ul className="slash-menu" role="listbox" aria-label="Insert">
                {options.map((option, index) => (
                  <li
                    key={option.key}
                    ref={(element) => option.setRefElement(element)}
                    role="option"
                    id={`slash-${option.key}`}
                    aria-selected={selectedIndex === index}
                    className={selectedIndex === index ? 'slash-item selected' : 'slash-item'}
                    onMouseEnter={() => setHighlightedIndex(index)}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => selectOptionAndCleanUp(option)}
                  >
                    {option.item.label}
                  </li>
                ))}
              </ul>,
              anchor.current,
            )
          : null
      }
    />
  );
}
