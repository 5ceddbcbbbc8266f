import type { Klass, LexicalNode } from 'lexical';
import { ARTICLE_NODES, EmbedNode, ImageNode } from '../../../shared/editor/nodes';
import { EmbedCardNode } from './EmbedCardNode';
import { ImageCardNode } from './ImageCardNode';

/**
 * The article's node classes as the editor registers them: the shared list, with the headless
 * image and embed swapped for subclasses that draw cards. Same types, same JSON: a draft saved
 * here renders identically through the headless publishing editor.
 */
export const EDITOR_NODES: ReadonlyArray<Klass<LexicalNode>> = ARTICLE_NODES.map((klass) => {
  if (klass === ImageNode) return ImageCardNode;
  if (klass === EmbedNode) return EmbedCardNode;
  return klass;
});
