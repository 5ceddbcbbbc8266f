import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isTextNode,
  FORMAT_TEXT_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EditorStateJson } from '../../shared/model/article';
import { OPEN_FIND_COMMAND } from './commands';
import { NewsroomEditor } from './NewsroomEditor';

afterEach(cleanup);

async function mountEditor(initialBody?: EditorStateJson) {
  const onChange = vi.fn<(body: EditorStateJson) => void>();
  let editor: LexicalEditor | undefined;
  const body = initialBody ?? { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [] } };
  render(<NewsroomEditor initialBody={body as EditorStateJson} onChange={onChange} onReady={(e) => (editor = e)} />);
  await act(async () => {});
  if (!editor) throw new Error('editor did not start');
  return { editor, onChange };
}

const text = (editor: LexicalEditor): string => editor.getEditorState().read(() => $getRoot().getTextContent());

/** Paragraphs of text runs, a run being [text, format bits]. */
async function setParagraphs(editor: LexicalEditor, paragraphs: Array<Array<[string, number]>>) {
  await act(async () => {
    editor.update(
      () => {
        const root = $getRoot().clear();
        for (const runs of paragraphs) {
          const paragraph = $createParagraphNode();
          for (const [value, format] of runs) paragraph.append($createTextNode(value).setFormat(format));
          root.append(paragraph);
        }
        root.selectEnd();
      },
      { discrete: true },
    );
  });
}

describe('text formats', () => {
  it('allows underline and strikethrough, and still refuses formats the story cannot carry', async () => {
    const { editor } = await mountEditor();
    await setParagraphs(editor, [[['Struck words', 0]]]);
    const formatAll = async (format: 'underline' | 'strikethrough' | 'code') => {
      await act(async () => {
        editor.update(
          () => {
            const node = $getRoot().getFirstDescendant();
            if ($isTextNode(node)) node.select(0, node.getTextContentSize());
          },
          { discrete: true },
        );
        editor.dispatchCommand(FORMAT_TEXT_COMMAND, format);
      });
    };
    const has = (format: 'underline' | 'strikethrough' | 'code') =>
      editor.getEditorState().read(() => {
        const node = $getRoot().getFirstDescendant();
        return $isTextNode(node) && node.hasFormat(format);
      });
    await formatAll('underline');
    await formatAll('strikethrough');
    await formatAll('code');
    expect([has('underline'), has('strikethrough'), has('code')]).toEqual([true, true, false]);
    expect(screen.getByRole('button', { name: 'Underline' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Strikethrough' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('find and replace', () => {
  const story: Array<Array<[string, number]>> = [
    [['Julian Ávi', 0], ['la Polo', 1], [' met the mayor.', 0]],
    [['Avila said AVILA twice; Avilas is another word.', 0]],
  ];

  it('counts matches across text nodes of different formats, and with the options', async () => {
    const { editor } = await mountEditor();
    await setParagraphs(editor, story);
    await act(async () => {
      editor.dispatchCommand(OPEN_FIND_COMMAND, undefined);
    });
    const bar = screen.getByRole('search', { name: 'Find and replace' });
    expect(document.activeElement).toBe(screen.getByLabelText('Find'));
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Find'), { target: { value: 'Avila' } });
    });
    expect(bar.querySelector('[role="status"]')?.textContent).toBe('1 of 4');
    await act(async () => {
      fireEvent.click(screen.getByLabelText('Whole word'));
    });
    expect(bar.querySelector('[role="status"]')?.textContent).toBe('1 of 3');
    await act(async () => {
      fireEvent.click(screen.getByLabelText('Match case'));
    });
    expect(bar.querySelector('[role="status"]')?.textContent).toBe('1 of 1');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    });
    expect(bar.querySelector('[role="status"]')?.textContent).toBe('1 of 1');
  });

  it('replaces all in one undo step, keeping the format of each match', async () => {
    const { editor } = await mountEditor();
    await setParagraphs(editor, story);
    const before = text(editor);
    await act(async () => {
      editor.dispatchCommand(OPEN_FIND_COMMAND, undefined);
    });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Find'), { target: { value: 'ávila' } });
      fireEvent.change(screen.getByLabelText('Replace'), { target: { value: 'Alvarez' } });
      fireEvent.click(screen.getByLabelText('Whole word'));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Replace all' }));
    });
    expect(text(editor)).toContain('Julian Alvarez Polo met');
    expect(text(editor)).toContain('Alvarez said Alvarez twice; Avilas');
    expect(screen.getByRole('search', { name: 'Find and replace' }).querySelector('[role="status"]')?.textContent).toBe('No matches');

    await act(async () => {
      editor.dispatchCommand(UNDO_COMMAND, undefined);
    });
    expect(text(editor)).toBe(before);
  });

  it('replaces only the current match with Replace', async () => {
    const { editor } = await mountEditor();
    await setParagraphs(editor, [[['one two one two', 0]]]);
    await act(async () => {
      editor.dispatchCommand(OPEN_FIND_COMMAND, undefined);
    });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Find'), { target: { value: 'two' } });
      fireEvent.change(screen.getByLabelText('Replace'), { target: { value: '2' } });
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /^Replace$/ }));
    });
    expect(text(editor)).toBe('one two one 2');
  });

  it('closes with Escape and gives the focus back to the story', async () => {
    const { editor } = await mountEditor();
    await setParagraphs(editor, [[['text', 0]]]);
    await act(async () => {
      editor.dispatchCommand(OPEN_FIND_COMMAND, undefined);
    });
    const focus = vi.spyOn(editor, 'focus');
    await act(async () => {
      fireEvent.keyDown(screen.getByLabelText('Find'), { key: 'Escape' });
    });
    expect(screen.queryByRole('search', { name: 'Find and replace' })).toBeNull();
    expect(focus).toHaveBeenCalled();
  });
});

describe('keyboard shortcuts', () => {
  it('has one for every toolbar button, shown in its tooltip', async () => {
    await mountEditor();
    const buttons = screen.getByRole('toolbar', { name: 'Formatting' }).querySelectorAll('button');
    expect(buttons.length).toBe(17);
    for (const button of buttons) expect(button.title, button.getAttribute('aria-label') ?? button.textContent ?? '').toMatch(/\((Ctrl\+|⌘|⌥|⇧)/);
  });

  it('opens the Insert menu from the story with Ctrl+Alt+I, and Escape goes back to the story', async () => {
    const { editor } = await mountEditor();
    const body = screen.getByRole('textbox', { name: 'Article body' });
    await act(async () => {
      fireEvent.keyDown(body, { key: 'i', code: 'KeyI', ctrlKey: true, altKey: true });
    });
    const first = screen.getByRole('menuitem', { name: 'Heading 2' });
    expect(document.activeElement).toBe(first);
    const focus = vi.spyOn(editor, 'focus');
    await act(async () => {
      fireEvent.keyDown(first, { key: 'Escape' });
    });
    expect(screen.queryByRole('menu', { name: 'Insert' })).toBeNull();
    expect(focus).toHaveBeenCalled();
  });

  it('opens the sheet with Ctrl+/ and lists the table, and Ctrl+F opens the find bar', async () => {
    await mountEditor();
    const body = screen.getByRole('textbox', { name: 'Article body' });
    await act(async () => {
      fireEvent.keyDown(body, { key: '/', code: 'Slash', ctrlKey: true });
    });
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(sheet.textContent).toContain('StrikethroughCtrl+Shift+X');
    expect(sheet.textContent).toContain('Numbered listCtrl+Shift+7');
    await act(async () => {
      fireEvent.keyDown(sheet, { key: 'Escape' });
    });
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();

    await act(async () => {
      fireEvent.keyDown(body, { key: 'f', code: 'KeyF', ctrlKey: true });
    });
    expect(screen.getByRole('search', { name: 'Find and replace' })).toBeTruthy();
  });
});
