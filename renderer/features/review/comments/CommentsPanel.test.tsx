import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $setSelection, createEditor, type LexicalEditor } from 'lexical';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE_NODES } from '../../../../shared/editor/nodes';
import { $threadIdsInOrder } from '../../../../shared/editor/review/comments';
import { newArticle, type StoryFields } from '../../../../shared/model/article';
import type { Draft } from '../../../../shared/model/draft';
import type { CommentThread } from '../../../../shared/model/review';
import { installFakeBridge, ok } from '../../../test-support/fake-bridge';
import { articleTheme } from '../../../editor/theme';
import { CurrentUserProvider } from '../current-user';
import { CommentsPanel } from './CommentsPanel';

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

function storyEditor(text: string): { editor: LexicalEditor; root: HTMLElement } {
  const root = document.createElement('div');
  root.contentEditable = 'true';
  document.body.append(root);
  const editor = createEditor({ nodes: [...ARTICLE_NODES], theme: articleTheme, onError: (error) => { throw error; } });
  editor.setRootElement(root);
  editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(text))), { discrete: true });
  return { editor, root };
}

function selectText(editor: LexicalEditor, from: number, to: number) {
  editor.update(() => {
    const node = $getRoot().getAllTextNodes()[0]!;
    const selection = $createRangeSelection();
    selection.anchor.set(node.getKey(), from, 'text');
    selection.focus.set(node.getKey(), to, 'text');
    $setSelection(selection);
  }, { discrete: true });
}

/** The panel with real story fields state, as DraftEditor gives it. */
function Harness({ editor, saved }: { editor: LexicalEditor; saved: CommentThread[][] }) {
  const { body: _body, ...initial } = newArticle({ headline: 'Flood' });
  const [fields, setFields] = useState<StoryFields>(initial);
  const update = (patch: Partial<StoryFields>) => {
    if (patch.comments) saved.push(patch.comments);
    setFields((previous) => ({ ...previous, ...patch }));
  };
  return (
    <CommentsPanel
      draft={{} as Draft}
      editor={editor}
      fields={fields}
      update={update}
      readArticle={() => ({ ...fields, body: newArticle().body })}
      flush={async () => true}
    />
  );
}

async function renderPanel(editor: LexicalEditor, withUser = true) {
  const saved: CommentThread[][] = [];
  bridge = installFakeBridge({
    'settings.getUser': () =>
      withUser ? ok({ user: { name: 'Ana Ruiz', initials: 'AR' }, installId: 'i1' }) : ok({ user: null, installId: 'i1' }),
  });
  render(
    <CurrentUserProvider>
      <Harness editor={editor} saved={saved} />
    </CurrentUserProvider>,
  );
  await act(async () => {});
  return saved;
}

describe('CommentsPanel', () => {
  it('comments on the selected passage, marks it in the text and saves the thread', async () => {
    const { editor, root } = storyEditor('The river rose overnight.');
    const saved = await renderPanel(editor);
    selectText(editor, 4, 14);
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    expect(root.querySelector('mark')?.textContent).toBe('river rose');
    fireEvent.change(screen.getByLabelText('Your comment'), { target: { value: 'Which river?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));

    const thread = screen.getByRole('article', { name: 'Comment on “river rose”' });
    expect(within(thread).getByText('Which river?')).toBeTruthy();
    expect(within(thread).getByText('Ana Ruiz')).toBeTruthy();
    expect(saved.at(-1)).toMatchObject([{ quote: 'river rose', comments: [{ text: 'Which river?', by: { name: 'Ana Ruiz', initials: 'AR' } }], resolved: null }]);
    // The mark in the text carries the saved thread's id.
    expect(editor.getEditorState().read($threadIdsInOrder)).toEqual([saved.at(-1)?.[0]?.id]);
  });

  it('asks for a passage when nothing is selected, and takes the anchor out on Cancel', async () => {
    const { editor, root } = storyEditor('Some text');
    await renderPanel(editor);
    selectText(editor, 2, 2);
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Select a passage/);

    selectText(editor, 0, 4);
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    expect(root.querySelector('mark')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(root.querySelector('mark')).toBeNull();
  });

  it('replies, resolves under "Resolved (1)", reopens and deletes with its mark', async () => {
    const { editor, root } = storyEditor('Alpha beta gamma');
    const saved = await renderPanel(editor);
    selectText(editor, 6, 10);
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    fireEvent.change(screen.getByLabelText('Your comment'), { target: { value: 'Check' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));

    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    fireEvent.change(screen.getByLabelText('Reply'), { target: { value: 'Checked.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(saved.at(-1)?.[0]?.comments.map((comment) => comment.text)).toEqual(['Check', 'Checked.']);

    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(screen.getByText('Resolved (1)')).toBeTruthy();
    expect(saved.at(-1)?.[0]?.resolved?.name).toBe('Ana Ruiz');
    fireEvent.click(screen.getByRole('button', { name: 'Reopen' }));
    expect(screen.queryByText('Resolved (1)')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete thread' }));
    expect(saved.at(-1)).toEqual([]);
    expect(root.querySelector('mark')).toBeNull();
    expect(root.textContent).toBe('Alpha beta gamma');
  });

  it('says to set a name before commenting', async () => {
    const { editor, root } = storyEditor('Some text');
    await renderPanel(editor, false);
    selectText(editor, 0, 4);
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }));
    expect(screen.getByRole('alert').textContent).toBe('Set your name in Settings to comment.');
    expect(root.querySelector('mark')).toBeNull();
  });
});
