import { createHeadlessEditor } from '@lexical/headless';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import {
  $createEmbedNode,
  $createHorizontalRuleNode,
  $createImageNode,
  $createPullQuoteNode,
  $isImageNode,
  $isPullQuoteNode,
  ARTICLE_NODES,
} from '../../../shared/editor/nodes';
import type { EditorStateJson } from '../../../shared/model/article';
import { NewsroomEditor } from '../NewsroomEditor';
import { EmbedCardNode } from './EmbedCardNode';
import { ImageCardNode } from './ImageCardNode';

afterEach(cleanup);

const empty = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [] } } as unknown as EditorStateJson;

async function mount(body: EditorStateJson = empty) {
  let editor: LexicalEditor | undefined;
  render(<NewsroomEditor initialBody={body} onReady={(e) => (editor = e)} />);
  await act(async () => {});
  if (!editor) throw new Error('editor did not start');
  return editor;
}

/** A body with every article node, built through the editor's own classes. */
async function fillWithArticleNodes(editor: LexicalEditor) {
  await act(async () => {
    editor.update(
      () => {
        $getRoot()
          .clear()
          .append(
            $createParagraphNode().append($createTextNode('Lead')),
            $createPullQuoteNode('the minister').append($createTextNode('We will not stop.')),
            $createHorizontalRuleNode(),
            $createImageNode({ asset: null, alt: 'A harbour', caption: 'Durrës at dawn', credit: 'Reuters' }),
            $createEmbedNode('https://www.youtube.com/watch?v=abc'),
          );
      },
      { discrete: true },
    );
  });
}

describe('the editor node classes', () => {
  it('draws image and embed through the card subclasses, with the same JSON the headless classes read', async () => {
    const editor = await mount();
    await fillWithArticleNodes(editor);
    editor.getEditorState().read(() => {
      const children = $getRoot().getChildren();
      expect(children[3]).toBeInstanceOf(ImageCardNode);
      expect(children[4]).toBeInstanceOf(EmbedCardNode);
    });
    const json = JSON.stringify(editor.getEditorState().toJSON());
    expect(json).toContain('"type":"article-image"');
    expect(json).toContain('"type":"embed"');
    expect(json).toContain('"type":"pullquote"');

    // The publishing side (headless, shared classes) reads it back to the very same JSON.
    const headless = createHeadlessEditor({ nodes: [...ARTICLE_NODES], onError: (error) => { throw error; } });
    headless.setEditorState(headless.parseEditorState(json));
    expect(JSON.stringify(headless.getEditorState().toJSON())).toBe(json);

    // And a reopened draft is the same document.
    cleanup();
    const reopened = await mount(JSON.parse(json) as EditorStateJson);
    expect(JSON.stringify(reopened.getEditorState().toJSON())).toBe(json);
  });

  it('shows the embed as text and loads nothing from the web', async () => {
    const editor = await mount();
    await fillWithArticleNodes(editor);
    await act(async () => {});
    const card = screen.getByRole('figure', { name: 'YouTube video' });
    expect(card.textContent).toContain('https://www.youtube.com/watch?v=abc');
    const body = screen.getByRole('textbox', { name: 'Article body' });
    // (Lexical's own caret helper after a block decorator is an <img> without a source: not remote.)
    expect(body.querySelector('iframe, video, script, img[src]')).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Remove embed' }));
    });
    expect(screen.queryByRole('figure', { name: 'YouTube video' })).toBeNull();
    expect(JSON.stringify(editor.getEditorState().toJSON())).not.toContain('"type":"embed"');
  });

  it('asks for the file of an image that has none, and writes caption, credit and alt back to the node', async () => {
    const editor = await mount();
    await fillWithArticleNodes(editor);
    await act(async () => {});
    expect(screen.getByLabelText('Attach the image file')).toBeTruthy();
    expect((screen.getByLabelText('Image caption') as HTMLInputElement).value).toBe('Durrës at dawn');
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Image credit'), { target: { value: 'AP' } });
      fireEvent.change(screen.getByLabelText('Image alt text'), { target: { value: 'Boats in the harbour' } });
    });
    const data = editor.getEditorState().read(() => {
      const image = $getRoot().getChildAtIndex(3);
      return $isImageNode(image) ? image.getData() : null;
    });
    expect(data).toMatchObject({ credit: 'AP', alt: 'Boats in the harbour', caption: 'Durrës at dawn' });
  });

  it('turns a block into a pull quote from the Insert menu and edits its attribution', async () => {
    const editor = await mount();
    await act(async () => {
      editor.update(
        () => {
          const paragraph = $createParagraphNode().append($createTextNode('Nothing will stop us.'));
          $getRoot().clear().append(paragraph);
          paragraph.selectEnd();
        },
        { discrete: true },
      );
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Insert' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('menuitem', { name: 'Pull quote' }));
    });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Attribution'), { target: { value: 'the minister' } });
    });
    const quote = editor.getEditorState().read(() => {
      const block = $getRoot().getFirstChild();
      return $isPullQuoteNode(block) ? { text: block.getTextContent(), attribution: block.getAttribution() } : null;
    });
    expect(quote).toEqual({ text: 'Nothing will stop us.', attribution: 'the minister' });
    expect(screen.getByRole('button', { name: 'Pull quote' }).getAttribute('aria-pressed')).toBe('true');
  });
});
