import type { JSX } from 'react';
import { EMBED_TYPE, EmbedNode, embedProviderOf, type SerializedEmbedNode } from '../../../shared/editor/nodes';
import { EmbedCard } from './EmbedCard';

/** The headless EmbedNode drawn as a card: same type ('embed') and JSON, so drafts round-trip. */
export class EmbedCardNode extends EmbedNode {
  static override getType(): string {
    return EMBED_TYPE;
  }

  static override clone(node: EmbedCardNode): EmbedCardNode {
    return new EmbedCardNode(node.__url, node.__key);
  }

  static override importJSON(json: SerializedEmbedNode): EmbedCardNode {
    return super.importJSON(json) as EmbedCardNode;
  }

  override decorate(): JSX.Element {
    const url = this.getUrl();
    return <EmbedCard url={url} provider={embedProviderOf(url)} nodeKey={this.getKey()} />;
  }
}
