import { createHeadlessEditor } from '@lexical/headless';
import { $createParagraphNode, $createTextNode, $getRoot, type TextNode, type UpdateListenerPayload } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $createSuggestionNode, $isSuggestionNode, ARTICLE_NODES, type SuggestionNode } from '../../../shared/editor/nodes';
import { touchesReviewNodes } from './touches-review-nodes';

const BY = { name: 'Ben Okafor', initials: 'BO', at: '2026-11-29T03:00:00.000Z' };

function setup() {
  const editor = createHeadlessEditor({ nodes: [...ARTICLE_NODES], onError: (error) => { throw error; } });
  let plain!: TextNode;
  let suggestion!: SuggestionNode;
  editor.update(
    () => {
      plain = $createTextNode('The council met.');
      suggestion = $createSuggestionNode({ id: 's1', kind: 'insert', by: BY });
      suggestion.append($createTextNode(' On Monday.'));
      $getRoot().append($createParagraphNode().append(plain), $createParagraphNode().append($createTextNode('It voted.'), suggestion));
    },
    { discrete: true },
  );
  const seen: boolean[] = [];
  editor.registerUpdateListener((update: UpdateListenerPayload) => seen.push(touchesReviewNodes(update, $isSuggestionNode)));
  return { editor, plain, suggestion, seen };
}

describe('touchesReviewNodes', () => {
  it('is false for typing in plain text, true for typing inside a suggestion or removing one', () => {
    const { editor, plain, suggestion, seen } = setup();
    editor.update(() => plain.getWritable().setTextContent('The council met today.'), { discrete: true });
    editor.update(() => suggestion.getFirstChild<TextNode>()?.setTextContent(' On Monday night.'), { discrete: true });
    editor.update(() => suggestion.remove(), { discrete: true });
    expect(seen).toEqual([false, true, true]);
  });
});
