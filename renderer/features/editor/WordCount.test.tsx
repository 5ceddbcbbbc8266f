import { cleanup, render, screen } from '@testing-library/react';
import { createHeadlessEditor } from '@lexical/headless';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_NODES } from '../../../shared/editor/nodes';
import type { EditorStateJson } from '../../../shared/model/article';
import { LiveWordCount } from './live-word-count';
import { WordCount } from './WordCount';

afterEach(cleanup);

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
const bodyOf = (text: string) =>
  ({
    root: {
      type: 'root', version: 1, direction: null, format: '', indent: 0,
      children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '',
        children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }],
    },
  }) as unknown as EditorStateJson;

describe('WordCount', () => {
  it('shows words, characters and reading time of the opened body', () => {
    render(<WordCount source={new LiveWordCount(bodyOf('Ávila met the mayor'))} />);
    expect(screen.getByText('4 words')).toBeTruthy();
    expect(screen.getByText('19 characters')).toBeTruthy();
    expect(screen.getByText('1 min read')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows progress towards the length target', () => {
    render(<WordCount source={new LiveWordCount(bodyOf(words(312)))} targetWords={400} />);
    expect(screen.getByText('312 / 400 words')).toBeTruthy();
    expect(screen.getByText('2 min read')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Progress towards the length target' }) as HTMLProgressElement;
    expect(bar.value).toBe(312);
    expect(bar.max).toBe(400);
  });

  it('follows the editor at idle, without a React re-render', async () => {
    const source = new LiveWordCount(bodyOf('three little words'));
    render(<WordCount source={source} targetWords={400} />);
    expect(screen.getByText('3 / 400 words')).toBeTruthy();
    const editor = createHeadlessEditor({ nodes: [...ARTICLE_NODES], onError: (error) => { throw error; } });
    editor.setEditorState(editor.parseEditorState(JSON.stringify(bodyOf(words(450)))));
    source.update(editor.getEditorState());
    await vi.waitFor(() => expect(screen.getByText('450 / 400 words')).toBeTruthy());
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(400);
    expect(screen.getByText('2 min read')).toBeTruthy();
    source.dispose();
  });
});
