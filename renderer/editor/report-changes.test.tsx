import { act, cleanup, render } from '@testing-library/react';
import { $createParagraphNode, $createTextNode, $getRoot, TextNode, type EditorState, type LexicalEditor } from 'lexical';
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

  it('does not report a node transform registered after the draft is loaded (it only re-marks nodes dirty)', async () => {
    const onEdit = vi.fn<(state: EditorState) => void>();
    let editor: LexicalEditor | undefined;
    const body = emptyBody();
    body.root.children = [
      { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '',
        children: [{ type: 'text', version: 1, text: 'Council approves budget', format: 0, style: '', mode: 'normal', detail: 0 }] },
    ];
    render(<NewsroomEditor initialBody={body} onEdit={onEdit} onReady={(e) => (editor = e)} />);
    await act(async () => {});
    // What a late plugin does: Lexical marks every text node dirty in a history-merge update.
    await act(async () => {
      editor?.registerNodeTransform(TextNode, () => undefined);
    });
    expect(onEdit).not.toHaveBeenCalled();
    // A real edit right after still counts.
    await act(async () => {
      editor?.update(() => $getRoot().getFirstDescendant<TextNode>()?.setTextContent('Council rejects budget'), { discrete: true });
    });
    expect(onEdit).toHaveBeenCalledTimes(1);
  });
});
