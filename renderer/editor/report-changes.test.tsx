import { act, cleanup, render } from '@testing-library/react';
import { $createParagraphNode, $createTextNode, $getRoot, type EditorState, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyBody, type EditorStateJson } from '../../shared/model/article';
import { bodyJsonOf } from './body-json';
import { NewsroomEditor } from './NewsroomEditor';

afterEach(cleanup);

describe('NewsroomEditor change reports', () => {
  it('hands out the committed state on each edit; its JSON is what onChange reports, built once', async () => {
    const onEdit = vi.fn<(state: EditorState) => void>();
    const onChange = vi.fn<(body: EditorStateJson) => void>();
    let editor: LexicalEditor | undefined;
    render(<NewsroomEditor initialBody={emptyBody()} onEdit={onEdit} onChange={onChange} onReady={(e) => (editor = e)} />);
    await act(async () => {});
    expect(onEdit).not.toHaveBeenCalled();

    for (const words of ['Council approves', 'Council approves budget']) {
      await act(async () => {
        editor?.update(() => $getRoot().clear().append($createParagraphNode().append($createTextNode(words))), { discrete: true });
      });
    }
    expect(onEdit).toHaveBeenCalledTimes(2);
    const state = onEdit.mock.lastCall?.[0];
    if (!state) throw new Error('no edit reported');
    expect(bodyJsonOf(state)).toEqual(onChange.mock.lastCall?.[0]);
    expect(bodyJsonOf(state)).toBe(bodyJsonOf(state));
    expect(JSON.stringify(bodyJsonOf(state))).toContain('Council approves budget');
  });
});
