import { $generateNodesFromDOM } from '@lexical/html';
import type { LexicalEditor, LexicalNode } from 'lexical';
import { $createImageNode } from '../../../../shared/editor/nodes';
import { MISSING_SOURCE_ATTR } from './images';

/**
 * Turns cleaned markup (cleanHtml's output) into Lexical nodes for paste and import. Lexical's own
 * DOM import handles headings, lists, quotes, links and formatting; image placeholders (each in its
 * own paragraph, see blocks.ts) become ImageNodes with no asset, asking for the file.
 * Call inside an editor update.
 */
export function $nodesFromCleanHtml(editor: LexicalEditor, parser: DOMParser, cleanedHtml: string): LexicalNode[] {
  const body = parser.parseFromString(cleanedHtml, 'text/html').body;
  const nodes: LexicalNode[] = [];
  let run = body.ownerDocument.createElement('div');
  const flush = () => {
    if (run.childNodes.length > 0) nodes.push(...$generateNodesFromDOM(editor, run));
    run = body.ownerDocument.createElement('div');
  };
  for (const child of Array.from(body.children)) {
    const image = child.tagName === 'P' && child.children.length === 1 ? child.querySelector(`:scope > img[${MISSING_SOURCE_ATTR}]`) : null;
    if (image && (child.textContent ?? '').trim() === '') {
      flush();
      nodes.push(
        $createImageNode({
          asset: null,
          alt: (image.getAttribute('alt') ?? '').slice(0, 1000),
          missingSource: (image.getAttribute(MISSING_SOURCE_ATTR) ?? 'image').slice(0, 500),
        }),
      );
    } else {
      run.appendChild(child);
    }
  }
  flush();
  return nodes;
}
