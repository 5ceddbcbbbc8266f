import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  IS_APPLE,
  REDO_COMMAND,
  UNDO_COMMAND,
  type BaseSelection,
} from 'lexical';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { $syncSelectionFromDom, OPEN_LINK_EDITOR_COMMAND, setParagraph, toggleHeading, toggleList, toggleQuote } from '../commands';
import { LinkEditor } from './LinkEditor';
import { useSelectionFormat } from './useSelectionFormat';

interface LinkDraft {
  url: string;
  inLink: boolean;
  /** The selection when the field opened: focus moves to the field, so it is restored on apply. */
  selection: BaseSelection | null;
}

/**
 * The formatting toolbar. Buttons keep the editor's selection (mousedown is cancelled), show
 * their state with aria-pressed, and move with the arrow keys as a WAI-ARIA toolbar does.
 */
export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const { format, canUndo, canRedo } = useSelectionFormat(editor);
  const [link, setLink] = useState<LinkDraft | null>(null);
  const toolbar = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_LINK_EDITOR_COMMAND,
        () => {
          // Runs inside an update. A fast Shift+Home then Ctrl+K can arrive before the browser's
          // selectionchange reached Lexical, so take the selection from the DOM when it is ours.
          $syncSelectionFromDom(editor);
          const selection = $getSelection();
          let url = '';
          if ($isRangeSelection(selection)) {
            const parent = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
            if ($isLinkNode(parent)) url = parent.getURL();
          }
          setLink({ url, inLink: url !== '', selection: selection ? selection.clone() : null });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );

  const closeLink = () => {
    setLink(null);
    editor.focus();
  };

  const applyLink = (url: string | null) => {
    const saved = link?.selection ?? null;
    editor.update(() => {
      if (saved) $setSelection(saved.clone());
      const selection = $getSelection();
      if (url !== null && $isRangeSelection(selection) && selection.isCollapsed() && !link?.inLink) {
        // Nothing selected: insert the address itself as the linked words.
        selection.insertNodes([$createLinkNode(url).append($createTextNode(url))]);
        return;
      }
      $toggleLink(url);
    });
    closeLink();
  };

  const onToolbarKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const buttons = Array.from(toolbar.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next = buttons[(index + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
    next?.focus();
    event.preventDefault();
  };

  const block = format.block;
  return (
    <>
      <div ref={toolbar} className="toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onToolbarKeyDown}>
        <ToolButton label="Undo" shortcut={`${MOD}Z`} disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)} icon="↶" />
        <ToolButton label="Redo" shortcut={IS_APPLE ? '⇧⌘Z' : 'Ctrl+Y'} disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)} icon="↷" />
        <span className="toolbar-sep" aria-hidden="true" />
        <ToolButton label="Paragraph" pressed={block === 'paragraph'} onClick={() => setParagraph(editor)} />
        <ToolButton label="Heading 2" shortcut={`${MOD}${ALT}2`} pressed={block === 'h2'} onClick={() => toggleHeading(editor, 'h2')} />
        <ToolButton label="Heading 3" shortcut={`${MOD}${ALT}3`} pressed={block === 'h3'} onClick={() => toggleHeading(editor, 'h3')} />
        <span className="toolbar-sep" aria-hidden="true" />
        <ToolButton label="Bold" shortcut={`${MOD}B`} pressed={format.bold} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')} icon="B" iconClass="icon-bold" />
        <ToolButton label="Italic" shortcut={`${MOD}I`} pressed={format.italic} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')} icon="I" iconClass="icon-italic" />
        <ToolButton label="Link" shortcut={`${MOD}K`} pressed={format.link} onClick={() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)} />
        <span className="toolbar-sep" aria-hidden="true" />
        <ToolButton label="Bulleted list" pressed={block === 'bullet'} onClick={() => toggleList(editor, 'bullet', block)} />
        <ToolButton label="Numbered list" pressed={block === 'number'} onClick={() => toggleList(editor, 'number', block)} />
        <ToolButton label="Quote" pressed={block === 'quote'} onClick={() => toggleQuote(editor)} />
      </div>
      {link && (
        <LinkEditor
          initialUrl={link.url}
          canRemove={link.inLink}
          onApply={(url) => applyLink(url)}
          onRemove={() => applyLink(null)}
          onCancel={closeLink}
        />
      )}
    </>
  );
}

const MOD = IS_APPLE ? '⌘' : 'Ctrl+';
const ALT = IS_APPLE ? '⌥' : 'Alt+';

interface ToolButtonProps {
  label: string;
  /** Shown in the tooltip only; the accessible name stays exactly `label`. */
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  /**
   * A symbol instead of the label (Undo, Redo, Bold, Italic). Other buttons show their label as
   * text: "H2" or "1≡" would not be part of the names "Heading 2" and "Numbered list", and
   * WCAG 2.5.3 (label in name) wants what is seen to be what a voice user can say.
   */
  icon?: string;
  iconClass?: string;
}

function ToolButton({ label, shortcut, pressed, disabled = false, onClick, icon, iconClass }: ToolButtonProps) {
  // Cancelling mousedown keeps focus (and the caret) in the editor while the button acts on it.
  const keepSelection = (event: MouseEvent) => event.preventDefault();
  return (
    <button
      type="button"
      className={icon ? 'tool-button tool-icon' : 'tool-button'}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      disabled={disabled}
      onMouseDown={keepSelection}
      onClick={onClick}
    >
      {icon ? (
        <span aria-hidden="true" className={iconClass}>
          {icon}
        </span>
      ) : (
        label
      )}
    </button>
  );
}
