import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import {
  $getRoot,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  DELETE_CHARACTER_COMMAND,
  FORMAT_TEXT_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { $selectLive, $textBlocks } from '../../../../shared/editor/review/suggestions';
import { bodyOf, load, makeEditor, plain } from '../../../../shared/editor/review/suggestions-testing';
import type { Stamp } from '../../../../shared/model/review';
import { NewsroomEditor } from '../../../editor/NewsroomEditor';
import type { ReviewProps } from '../review-props';
import { registerSuggesting } from './suggesting-commands';
import { SuggestingToggle } from './SuggestingToggle';
import { SuggestionsPanel } from './SuggestionsPanel';

afterEach(cleanup);

const ANA: Stamp = { name: 'Ana Editor', initials: 'AE', at: '2026-11-29T02:00:00.000Z' };

async function mount(text: string) {
  let editor: LexicalEditor | undefined;
  const headless = makeEditor();
  load(headless, [plain(text)]);
  const body = bodyOf(headless);
  render(<NewsroomEditor initialBody={body} onChange={() => undefined} onReady={(e) => (editor = e)} />);
  await act(async () => {});
  if (!editor) throw new Error('editor did not start');
  return editor;
}

const bodyText = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getTextContent());

/** Puts the selection at live [start, end) of paragraph p, then dispatches a command as a key would. */
function dispatchAt<T>(editor: LexicalEditor, start: number, end: number, command: Parameters<LexicalEditor['dispatchCommand']>[0], payload: T) {
  act(() => {
    editor.update(
      () => {
        $selectLive($textBlocks()[0] ?? (undefined as never), start, end);
        editor.dispatchCommand(command, payload as never);
      },
      { discrete: true },
    );
  });
}

describe('suggesting mode in the real editor', () => {
  it('turns the commands typing, Backspace, Enter and Ctrl+B send into suggestions, and the panel accepts and rejects them', async () => {
    const editor = await mount('The red car.');
    const notices: (string | null)[] = [];
    const stop = registerSuggesting(editor, () => ANA, (notice) => notices.push(notice));
    render(<SuggestionsPanel {...({ editor } as ReviewProps)} />);

    dispatchAt(editor, 12, 12, CONTROLLED_TEXT_INSERTION_COMMAND, ' It is fast.');
    dispatchAt(editor, 7, 7, DELETE_CHARACTER_COMMAND, true);
    dispatchAt(editor, 7, 10, FORMAT_TEXT_COMMAND, 'bold');
    dispatchAt(editor, 4, 4, INSERT_PARAGRAPH_COMMAND, undefined);
    expect(notices.at(-1)).toMatch(/Splitting a paragraph/);
    expect(bodyText(editor)).toBe('The red car. It is fast.');

    const list = screen.getByRole('list', { name: 'Pending suggestions' });
    expect(within(list).getAllByRole('listitem').map((item) => item.querySelector('.suggestion-what')?.textContent)).toEqual([
      'Deleted “d”',
      'Made bold “car”',
      'Inserted “ It is fast.”',
    ]);
    expect(within(list).getAllByText('Ana Editor')).toHaveLength(3);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Accept: Deleted “d”' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reject: Inserted “ It is fast.”' })));
    expect(bodyText(editor)).toBe('The re car.');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reject all from Ana Editor' })));
    expect(screen.getByText('No suggested changes.')).toBeTruthy();

    // Switched off, the same command edits directly again.
    stop();
    dispatchAt(editor, 0, 3, FORMAT_TEXT_COMMAND, 'italic');
    const italic = editor.getEditorState().read(() => $getRoot().getAllTextNodes().filter((node) => node.hasFormat('italic')).map((node) => node.getTextContent()));
    expect(italic).toEqual(['The']);
    expect(screen.getByText('No suggested changes.')).toBeTruthy();
  });

  it('the switch says a name is needed when nobody is set up on this machine', async () => {
    const editor = await mount('Text.');
    render(<SuggestingToggle {...({ editor } as ReviewProps)} />);
    expect((screen.getByRole('button', { name: 'Suggesting' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Set your name in Settings to suggest changes.')).toBeTruthy();
  });
});
