import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { $createParagraphNode, $createTextNode, $getRoot, $isTextNode, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyBody, type EditorStateJson } from '../../shared/model/article';
import { countBodyWords } from '../../shared/editor/word-count';
import { NewsroomEditor } from './NewsroomEditor';
import { LINK_RULE_MESSAGE, LinkEditor } from './plugins/LinkEditor';

afterEach(cleanup);

type Node = { type: string; tag?: string; listType?: string; format?: number; url?: string; text?: string; children?: Node[] };

const blocks = (body: EditorStateJson): Node[] => body.root.children as Node[];

async function mountEditor(initialBody: EditorStateJson = emptyBody()) {
  const onChange = vi.fn<(body: EditorStateJson) => void>();
  let editor: LexicalEditor | undefined;
  render(<NewsroomEditor initialBody={initialBody} onChange={onChange} onReady={(e) => (editor = e)} />);
  await act(async () => {});
  if (!editor) throw new Error('editor did not start');
  const last = (): EditorStateJson => {
    const call = onChange.mock.lastCall;
    if (!call) throw new Error('onChange was not called');
    return call[0];
  };
  return { editor, onChange, last };
}

/** Replaces the body with one paragraph of `text`, caret at its end (as if typed). */
async function typeParagraph(editor: LexicalEditor, text: string) {
  await act(async () => {
    editor.update(
      () => {
        const paragraph = $createParagraphNode().append($createTextNode(text));
        $getRoot().clear().append(paragraph);
        paragraph.selectEnd();
      },
      { discrete: true },
    );
  });
}

describe('NewsroomEditor', () => {
  it('does not report the initial load as a change', async () => {
    const { onChange } = await mountEditor();
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Article body' })).toBeTruthy();
  });

  it('turns the block into an H2 from the toolbar and reports the JSON', async () => {
    const { editor, last } = await mountEditor();
    await typeParagraph(editor, 'Council approves budget');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Heading 2' }));
    });
    const [first] = blocks(last());
    expect(first).toMatchObject({ type: 'heading', tag: 'h2' });
    expect(first?.children?.[0]).toMatchObject({ type: 'text', text: 'Council approves budget' });
    expect(screen.getByRole('button', { name: 'Heading 2' }).getAttribute('aria-pressed')).toBe('true');
    expect(countBodyWords(last())).toBe(3);
  });

  it('applies the "## " markdown shortcut as an H2, but leaves "# " alone (the headline is the H1)', async () => {
    const { editor, last } = await mountEditor();
    await typeParagraph(editor, '##');
    await act(async () => {
      editor.update(() => $getRoot().getLastDescendant()?.selectEnd().insertText(' '), { discrete: true });
    });
    expect(blocks(last())[0]).toMatchObject({ type: 'heading', tag: 'h2' });

    await typeParagraph(editor, '#');
    await act(async () => {
      editor.update(() => $getRoot().getLastDescendant()?.selectEnd().insertText(' '), { discrete: true });
    });
    expect(blocks(last())[0]).toMatchObject({ type: 'paragraph' });
  });

  it('makes a bulleted list and bold text from the toolbar', async () => {
    const { editor, last } = await mountEditor();
    await typeParagraph(editor, 'First point');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Bulleted list' }));
    });
    expect(blocks(last())[0]).toMatchObject({ type: 'list', listType: 'bullet' });

    await act(async () => {
      editor.update(
        () => {
          const text = $getRoot().getLastDescendant();
          if ($isTextNode(text)) text.select(0, text.getTextContentSize());
        },
        { discrete: true },
      );
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Bold' }));
    });
    const item = blocks(last())[0]?.children?.[0];
    expect(item?.children?.[0]).toMatchObject({ type: 'text', format: 1 });
  });

  it('makes links from "[text](url)" only for allowed schemes', async () => {
    const { editor, last } = await mountEditor();
    const typeCloser = () =>
      act(async () => {
        editor.update(() => $getRoot().getLastDescendant()?.selectEnd().insertText(')'), { discrete: true });
      });
    await typeParagraph(editor, 'See [the report](https://example.com/report');
    await typeCloser();
    const link = blocks(last())[0]?.children?.find((n) => n.type === 'link');
    expect(link).toMatchObject({ url: 'https://example.com/report' });

    await typeParagraph(editor, 'See [this](javascript:alert(1)');
    await typeCloser();
    expect(JSON.stringify(last())).not.toContain('"type":"link"');
    // The refused link stays exactly as typed, so the journalist sees why nothing happened.
    expect(blocks(last())[0]?.children?.[0]?.text).toBe('See [this](javascript:alert(1))');
  });

  it('links the selected words through the toolbar field', async () => {
    const { editor, last } = await mountEditor();
    await typeParagraph(editor, 'Read more');
    await act(async () => {
      editor.update(
        () => {
          const text = $getRoot().getLastDescendant();
          if ($isTextNode(text)) text.select(0, 4);
        },
        { discrete: true },
      );
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    });
    fireEvent.change(screen.getByLabelText('Link address'), { target: { value: 'example.com' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    });
    const link = blocks(last())[0]?.children?.find((n) => n.type === 'link');
    expect(link).toMatchObject({ url: 'https://example.com' });
    expect(link?.children?.[0]).toMatchObject({ text: 'Read' });
    expect(screen.queryByLabelText('Link address')).toBeNull();
  });

  it('unwraps links with schemes outside the allow-list when a document is loaded', async () => {
    const body = emptyBody();
    body.root.children = [
      {
        type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '',
        children: [
          { type: 'link', version: 1, url: 'javascript:alert(1)', rel: null, target: null, title: null, direction: null, format: '', indent: 0,
            children: [{ type: 'text', version: 1, text: 'click', detail: 0, format: 0, mode: 'normal', style: '' }] },
        ],
      },
    ];
    const { editor } = await mountEditor(body);
    const json = editor.getEditorState().toJSON() as unknown as EditorStateJson;
    expect(JSON.stringify(json)).not.toContain('javascript:');
    expect(JSON.stringify(json)).toContain('click');
  });
});

describe('LinkEditor', () => {
  it('refuses addresses that are not http, https, mailto or tel', async () => {
    const onApply = vi.fn();
    render(<LinkEditor initialUrl="" canRemove={false} onApply={onApply} onRemove={() => {}} onCancel={() => {}} />);
    fireEvent.change(screen.getByLabelText('Link address'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert').textContent).toBe(LINK_RULE_MESSAGE);
    expect(onApply).not.toHaveBeenCalled();
  });

  it('adds https:// to a bare address', () => {
    const onApply = vi.fn();
    render(<LinkEditor initialUrl="" canRemove={false} onApply={onApply} onRemove={() => {}} onCancel={() => {}} />);
    fireEvent.change(screen.getByLabelText('Link address'), { target: { value: 'example.com/story' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onApply).toHaveBeenCalledWith('https://example.com/story');
  });
});
