import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  IS_APPLE,
  type BaseSelection,
} from 'lexical';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { runEditorAction } from '../actions';
import { $syncSelectionFromDom, OPEN_LINK_EDITOR_COMMAND, toggleList } from '../commands';
import { InsertMenuButton } from '../insert/InsertMenuButton';
import { keysFor, type EditorAction } from '../shortcuts/shortcut-table';
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
    // The focus goes back to the story at once, inside this click: a key typed right after
    // Apply must land in the text, not on a button that is about to disappear. The update is
    // discrete so the saved selection is on screen before that key can arrive.
    editor.getRootElement()?.focus({ preventScroll: true });
    editor.update(
      () => {
        if (saved) $setSelection(saved.clone());
        const selection = $getSelection();
        if (url !== null && $isRangeSelection(selection) && selection.isCollapsed() && !link?.inLink) {
          // Nothing selected: insert the address itself as the linked words.
          selection.insertNodes([$createLinkNode(url).append($createTextNode(url))]);
          return;
        }
        $toggleLink(url);
      },
      { discrete: true },
    );
    setLink(null);
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
  const run = (action: EditorAction) => runEditorAction(editor, action);
  return (
    <>
      <div ref={toolbar} className="toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onToolbarKeyDown}>
        <ToolButton label="Undo" shortcut={keys('undo')} disabled={!canUndo} onClick={() => run('undo')} icon="↶" />
        <ToolButton label="Redo" shortcut={keys('redo')} disabled={!canRedo} onClick={() => run('redo')} icon="↷" />
        <span className="toolbar-sep" aria-hidden="true" />
        <ToolButton label="Paragraph" shortcut={keys('paragraph')} pressed={block === 'paragraph'} onClick={() => run('paragraph')} />
        <ToolButton label="Heading 2" shortcut={keys('h2')} pressed={block === 'h2'} onClick={() => run('h2')} />
        <ToolButton label="Heading 3" shortcut={keys('h3')} pressed={block === 'h3'} onClick={() => run('h3')} />
        <span className="toolbar-sep" aria-hidden="true" />
        <ToolButton label="Bold" shortcut={keys('bold')} pressed={format.bold} onClick={() => run('bold')} icon="B" iconClass="icon-bold" />
        <ToolButton label="Italic" shortcut={keys('italic')} pressed={format.italic} onClick={() => run('italic')} icon="I" iconClass="icon-italic" />
        <ToolButton label="Underline" shortcut={keys('underline')} pressed={format.underline} onClick={() => run('underline')} icon="U" iconClass="icon-underline" />
        <ToolButton label="Strikethrough" shortcut={keys('strikethrough')} pressed={format.strikethrough} onClick={() => run('strikethrough')} icon="S" iconClass="icon-strikethrough" />
        <ToolButton label="Link" shortcut={keys('link')} pressed={format.link} onClick={() => run('link')} />
        <span className="toolbar-sep" aria-hidden="true" />
        <ToolButton label="Bulleted list" shortcut={keys('bullet')} pressed={block === 'bullet'} onClick={() => toggleList(editor, 'bullet', block)} />
        <ToolButton label="Numbered list" shortcut={keys('number')} pressed={block === 'number'} onClick={() => toggleList(editor, 'number', block)} />
        <ToolButton label="Quote" shortcut={keys('quote')} pressed={block === 'quote'} onClick={() => run('quote')} />
        <ToolButton label="Pull quote" shortcut={keys('pullquote')} pressed={block === 'pullquote'} onClick={() => run('pullquote')} />
        <span className="toolbar-sep" aria-hidden="true" />
        <InsertMenuButton editor={editor} />
        <ToolButton label="Find and replace" shortcut={keys('find')} onClick={() => run('find')} />
        <ToolButton label="Keyboard shortcuts" shortcut={keys('shortcuts')} onClick={() => run('shortcuts')} />
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

const keys = (action: EditorAction): string => keysFor(action, IS_APPLE);

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
