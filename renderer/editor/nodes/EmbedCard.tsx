import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { NodeKey } from 'lexical';
import { useRef } from 'react';
import type { EmbedProvider } from '../../../shared/editor/nodes';
import { removeNode } from './remove-node';
import { useShieldFromEditor } from './shield';

const PROVIDER_NAMES: Record<EmbedProvider, string> = {
  youtube: 'YouTube video',
  x: 'X post',
  instagram: 'Instagram post',
  link: 'Embedded link',
};

/**
 * An embed as a card: the service and the address, as text. Nothing is loaded from the web (no
 * iframe, no thumbnail): the CMS turns the address into the player when the story is published.
 */
export function EmbedCard({ url, provider, nodeKey }: { url: string; provider: EmbedProvider; nodeKey: NodeKey }) {
  const [editor] = useLexicalComposerContext();
  const card = useRef<HTMLElement>(null);
  useShieldFromEditor(card);
  return (
    <figure ref={card} className="embed-card-body" aria-label={PROVIDER_NAMES[provider]}>
      <p className="embed-card-provider">{PROVIDER_NAMES[provider]}</p>
      <p className="embed-card-url">{url}</p>
      <p className="embed-card-note">Shown as the real embed once published.</p>
      <button type="button" className="card-remove" onClick={() => removeNode(editor, nodeKey)}>
        Remove embed
      </button>
    </figure>
  );
}
