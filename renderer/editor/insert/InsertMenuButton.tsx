import { COMMAND_PRIORITY_LOW, IS_APPLE, type LexicalEditor } from 'lexical';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { OPEN_INSERT_MENU_COMMAND } from '../commands';
import { keysFor } from '../shortcuts/shortcut-table';
import { INSERT_ITEMS, runInsertItem } from './insert-items';

/**
 * The toolbar's "Insert" button and its menu (WAI-ARIA menu button): arrows move, Enter picks,
 * Escape closes and returns to the button. Mouse clicks keep the caret in the story.
 */
export function InsertMenuButton({ editor }: { editor: LexicalEditor }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const menuId = useId();
  /** Opened by its shortcut from the story: Escape goes back there rather than to the button. */
  const fromStory = useRef(false);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_INSERT_MENU_COMMAND,
        () => {
          fromStory.current = true;
          setActive(0);
          setOpen(true);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onOutside = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!button.current?.contains(target) && !items.current.some((item) => item?.contains(target))) setOpen(false);
    };
    document.addEventListener('mousedown', onOutside);
    return () => document.removeEventListener('mousedown', onOutside);
  }, [open]);

  const pick = (index: number) => {
    const item = INSERT_ITEMS[index];
    setOpen(false);
    if (!item) return;
    // Back to the story first (its selection comes back), then insert there.
    editor.focus();
    runInsertItem(editor, item.id);
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const last = INSERT_ITEMS.length - 1;
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: last };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      event.stopPropagation();
      setActive((next + INSERT_ITEMS.length) % INSERT_ITEMS.length);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      if (fromStory.current) editor.focus();
      else button.current?.focus();
    }
  };

  return (
    <span className="insert-menu">
      <button
        ref={button}
        type="button"
        className="tool-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={`Insert (${keysFor('insert', IS_APPLE)}, or type / in an empty paragraph)`}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          fromStory.current = false;
          setActive(0);
          setOpen((value) => !value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            fromStory.current = false;
            setActive(0);
            setOpen(true);
          }
        }}
      >
        Insert
      </button>
      {open && (
        <div id={menuId} role="menu" aria-label="Insert" className="insert-menu-list" onKeyDown={onMenuKeyDown}>
          {INSERT_ITEMS.map((item, index) => (
            <button
              key={item.id}
              ref={(element) => {
                items.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(index)}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
