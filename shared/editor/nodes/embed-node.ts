import {
  $applyNodeReplacement,
  $getDocument,
  type DOMConversionMap,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { z } from 'zod';
import { BlockCardNode } from './block-card-node';
import { embedProviderOf, isEmbeddableUrl, type EmbedProvider } from './embed-provider';
import type { DomElement } from './dom-element';
import { $registeredClass } from './registered-class';
import { parseNodeJson } from './validate';

export const EMBED_TYPE = 'embed';
export const EMBED_URL_MAX_CHARS = 2048;

export type SerializedEmbedNode = Spread<{ url: string }, SerializedLexicalNode>;

const EmbedUrlSchema = z
  .string()
  .max(EMBED_URL_MAX_CHARS)
  .refine(isEmbeddableUrl, 'An embed needs a web address (http or https).');

const EmbedJsonSchema = z.object({ type: z.literal(EMBED_TYPE), url: EmbedUrlSchema });

/**
 * An embedded post or video (YouTube, X, Instagram, any link), kept as a card that stores the URL.
 * The editor loads nothing from the network: the card shows the address and the provider; the CMS
 * turns the URL into the player when the story is published.
 *
 * Headless like ImageNode: `decorate()` returns null and a renderer subclass of the same type draws
 * the card; `clone`/`importJSON` build `new this(...)`, `afterCloneFrom`/`updateFromJSON` carry and
 * validate the URL, so the subclass needs no other overrides (see ImageNode for the dev warning).
 */
export class EmbedNode extends BlockCardNode {
  __url: string;

  static override getType(): string {
    return EMBED_TYPE;
  }

  static override clone(node: EmbedNode): EmbedNode {
    return new this(node.__url, node.__key);
  }

  static override importJSON(json: SerializedEmbedNode): EmbedNode {
    const { url } = parseNodeJson(EMBED_TYPE, EmbedJsonSchema, json);
    return $applyNodeReplacement(new this(url)).updateFromJSON(json);
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      figure: (element) => (element.classList.contains('embed') ? { conversion: convertEmbedFigure, priority: 2 } : null),
    };
  }

  /** Throws on an address an embed may not hold: only `$createEmbedNode`/`importJSON` should call it. */
  constructor(url = 'https://example.invalid/', key?: NodeKey) {
    super(key);
    this.__url = checkedUrl(url);
  }

  /** Copies the address on every clone path, including the one Lexical synthesises for a subclass. */
  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__url = prevNode.__url;
  }

  /** Validates: Lexical's importJSON synthesised for a subclass comes straight here. */
  override updateFromJSON(json: LexicalUpdateJSON<SerializedEmbedNode>): this {
    return super.updateFromJSON(json).setUrl(json.url);
  }

  override exportJSON(): SerializedEmbedNode {
    return { ...super.exportJSON(), url: this.getUrl() };
  }

  getUrl(): string {
    return this.getLatest().__url;
  }

  setUrl(url: string): this {
    const checked = checkedUrl(url);
    const writable = this.getWritable();
    writable.__url = checked;
    return writable;
  }

  getProvider(): EmbedProvider {
    return embedProviderOf(this.getUrl());
  }

  override createDOM(config: EditorConfig) {
    const element = $getDocument().createElement('div');
    element.className = ['embed-card', config.theme['embed']].filter(Boolean).join(' ');
    element.setAttribute('data-provider', embedProviderOf(this.__url));
    return element;
  }

  override updateDOM(prevNode: EmbedNode): boolean {
    return prevNode.__url !== this.__url;
  }

  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const url = this.getUrl();
    const figure = doc.createElement('figure');
    figure.className = 'embed';
    figure.setAttribute('data-provider', embedProviderOf(url));
    const link = doc.createElement('a');
    link.setAttribute('href', url);
    link.textContent = url;
    figure.append(link);
    return { element: figure };
  }

}

function checkedUrl(url: string): string {
  return parseNodeJson(EMBED_TYPE, z.object({ url: EmbedUrlSchema }), { url: url.trim() }).url;
}

function convertEmbedFigure(element: DomElement) {
  const href = element.querySelector('a[href]')?.getAttribute('href') ?? '';
  // A figure that does not carry a usable address is left to the other conversions (its text).
  if (!isEmbeddableUrl(href)) return null;
  return { node: $createEmbedNode(href) };
}

/** Throws an Error with a plain message when the address is not an http(s) link the policy allows. */
export function $createEmbedNode(url: string): EmbedNode {
  return $applyNodeReplacement(new ($registeredClass(EmbedNode))(url));
}

export function $isEmbedNode(node: LexicalNode | null | undefined): node is EmbedNode {
  return node instanceof EmbedNode;
}
