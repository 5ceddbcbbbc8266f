import type { JSX } from 'react';
import { IMAGE_TYPE, ImageNode, type SerializedImageNode } from '../../../shared/editor/nodes';
import { ImageCard } from './ImageCard';

/**
 * The headless ImageNode with a face: same type ('article-image'), same JSON, so drafts
 * round-trip unchanged; registered in the editor instead of ImageNode (EDITOR_NODES).
 */
export class ImageCardNode extends ImageNode {
  static override getType(): string {
    return IMAGE_TYPE;
  }

  static override clone(node: ImageCardNode): ImageCardNode {
    return new ImageCardNode(node.__data, node.__key);
  }

  static override importJSON(json: SerializedImageNode): ImageCardNode {
    return super.importJSON(json) as ImageCardNode;
  }

  override decorate(): JSX.Element {
    return <ImageCard nodeKey={this.getKey()} data={this.getData()} />;
  }
}
