import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { newArticle } from '../../../shared/model/article';
import type { Draft } from '../../../shared/model/draft';
import { installFakeBridge, ok } from '../../test-support/fake-bridge';
import { EditorScreen } from './EditorScreen';

const ID = '8f1c2f4e-1d2b-4c3a-9e8f-0a1b2c3d4e5f';
const draft: Draft = {
  id: ID,
  createdAt: '2025-03-12T09:00:00.000Z',
  updatedAt: '2025-03-12T09:30:00.000Z',
  revision: 1,
  article: newArticle({ headline: 'Budget' }),
  publication: {}, review: { status: 'draft', trail: [] },
};

let bridge: ReturnType<typeof installFakeBridge> | undefined;
afterEach(() => {
  cleanup();
  bridge?.uninstall();
});

const settle = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

describe('DraftEditor', () => {
  it('serialises the body when it saves, and counts its words when idle', async () => {
    bridge = installFakeBridge({
      'drafts.open': () => ok(draft),
      'drafts.save': () => ok({ revision: 2, savedAt: new Date().toISOString(), wordCount: 3 }),
    });
    render(<EditorScreen draftId={ID} onBack={() => {}} onOpenSettings={() => {}} />);
    await act(async () => {});
    expect(screen.getByText('0 words')).toBeTruthy();
    const body = screen.getByRole('textbox', { name: 'Article body' }) as HTMLElement & { __lexicalEditor?: LexicalEditor };
    const editor = body.__lexicalEditor;
    if (!editor) throw new Error('no Lexical editor on the body');

    await act(async () => {
      editor.update(() => $getRoot().clear().append($createParagraphNode().append($createTextNode('Council approves budget'))), {
        discrete: true,
      });
    });
    expect(screen.getByRole('status').textContent).toBe('Unsaved changes');
    await settle(400);
    expect(screen.getByText('3 words')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Back to drafts' }));
    });
    const saved = bridge.callsTo('drafts.save') as Array<{ article: { headline: string; body: { root: { children: unknown[] } } } }>;
    expect(saved).toHaveLength(1);
    expect(saved[0]?.article.headline).toBe('Budget');
    expect(JSON.stringify(saved[0]?.article.body)).toContain('Council approves budget');
  });
});
