import {
  $applyNodeReplacement,
  $createParagraphNode,
  $createLineBreakNode,
  $getDocument,
  $isElementNode,
  ElementNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { z } from 'zod';
import type { DomElement } from './dom-element';
import { $registeredClass } from './registered-class';
import { parseNodeJson } from './validate';

export const PULL_QUOTE_TYPE = 'pullquote';
export const ATTRIBUTION_MAX_CHARS = 300;

/** JSON: an element node (inline text children) plus who said it. */
export type SerializedPullQuoteNode = Spread<{ attribution: string }, SerializedElementNode>;

const PullQuoteJsonSchema = z.object({
  type: z.literal(PULL_QUOTE_TYPE),
  attribution: z.string().max(ATTRIBUTION_MAX_CHARS),
});

/**
 * A pull quote: a short passage lifted out of the story and set large, with its attribution. Its
 * own node (not a styled blockquote) so the attribution is data that publishing and export can
 * place in a caption, not words mixed into the quote.
 *
 * Subclassing: `clone` and `importJSON` build `new this(...)`, so a subclass that only adds
 * behaviour (same type) keeps working without redeclaring them.
 */
export class PullQuoteNode extends ElementNode {
  __attribution: string;

  static override getType(): string {
    return PULL_QUOTE_TYPE;
  }

  static override clone(node: PullQuoteNode): PullQuoteNode {
    return new this(node.__attribution, node.__key);
  }

  static override importJSON(json: SerializedPullQuoteNode): PullQuoteNode {
    const { attribution } = parseNodeJson(PULL_QUOTE_TYPE, PullQuoteJsonSchema, json);
    return $applyNodeReplacement(new this(attribution)).updateFromJSON(json);
  }

  static override importDOM(): DOMConversionMap | null {
    // Our own export (figure) and the editor's own DOM (aside) both come back as a pull quote.
    return {
      aside: (element) => (element.classList.contains('pull-quote') ? { conversion: convertAside, priority: 2 } : null),
      figure: (element) =>
        element.classList.contains('pull-quote') ? { conversion: convertFigure, priority: 2 } : null,
      figcaption: (element) =>
        element.parentElement?.classList.contains('pull-quote') ? { conversion: dropElement, priority: 2 } : null,
    };
  }

  constructor(attribution = '', key?: NodeKey) {
    super(key);
    this.__attribution = clampAttribution(attribution);
  }

  /** Copies the attribution on every clone path, including the one Lexical synthesises for a subclass. */
  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__attribution = prevNode.__attribution;
  }

  /** Validates: Lexical's importJSON synthesised for a subclass comes straight here. */
  override updateFromJSON(json: LexicalUpdateJSON<SerializedPullQuoteNode>): this {
    const { attribution } = parseNodeJson(PULL_QUOTE_TYPE, PullQuoteJsonSchema, { ...json, type: PULL_QUOTE_TYPE });
    return super.updateFromJSON(json).setAttribution(attribution);
  }

  override exportJSON(): SerializedPullQuoteNode {
    return { ...super.exportJSON(), attribution: this.getAttribution() };
  }

  getAttribution(): string {
    return this.getLatest().__attribution;
  }

  setAttribution(attribution: string): this {
    const writable = this.getWritable();
    writable.__attribution = clampAttribution(attribution);
    return writable;
  }

  override createDOM(config: EditorConfig) {
    const element = $getDocument().createElement('aside');
    element.className = ['pull-quote', config.theme['pullQuote']].filter(Boolean).join(' ');
    setAttributionAttribute(element, this.__attribution);
    return element;
  }

  override updateDOM(prevNode: PullQuoteNode, dom: DomElement): boolean {
    if (prevNode.__attribution !== this.__attribution) setAttributionAttribute(dom, this.__attribution);
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const figure = doc.createElement('figure');
    figure.className = 'pull-quote';
    const quote = doc.createElement('blockquote');
    const paragraph = doc.createElement('p');
    quote.append(paragraph);
    figure.append(quote);
    const attribution = this.getAttribution();
    if (attribution !== '') {
      const caption = doc.createElement('figcaption');
      caption.textContent = attribution;
      figure.append(caption);
    }
    // The text children belong inside the <p>, not after the caption.
    return { element: figure, append: (fragment) => paragraph.append(fragment) };
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): LexicalNode {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  /** Backspace at the start turns the pull quote back into a plain paragraph. */
  override collapseAtStart(): boolean {
    const paragraph = $createParagraphNode();
    this.getChildren().forEach((child) => paragraph.append(child));
    this.replace(paragraph);
    return true;
  }

  override canBeEmpty(): boolean {
    return false;
  }
}

function clampAttribution(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, ATTRIBUTION_MAX_CHARS);
}

function setAttributionAttribute(element: DomElement, attribution: string): void {
  if (attribution === '') element.removeAttribute('data-attribution');
  else element.setAttribute('data-attribution', attribution);
}

function convertAside(element: DomElement) {
  return { node: $createPullQuoteNode(element.getAttribute('data-attribution') ?? ''), after: flattenBlocks };
}

function convertFigure(element: DomElement) {
  const caption = element.querySelector('figcaption');
  return { node: $createPullQuoteNode(caption?.textContent ?? ''), after: flattenBlocks };
}

/**
 * A pull quote holds inline text only: the <blockquote><p> of our own export (or pasted paragraphs)
 * arrive as block nodes, so their inline children are lifted out, one line per former block.
 */
function flattenBlocks(children: LexicalNode[]): LexicalNode[] {
  const inline: LexicalNode[] = [];
  let previousWasBlock = false;
  for (const child of children) {
    const isBlock = $isElementNode(child) && !child.isInline();
    const nodes = isBlock ? flattenBlocks(child.getChildren()) : [child];
    if (inline.length > 0 && nodes.length > 0 && (isBlock || previousWasBlock)) inline.push($createLineBreakNode());
    inline.push(...nodes);
    previousWasBlock = isBlock;
  }
  return inline;
}

/** The caption was read by the figure's conversion; its text must not become part of the quote. */
function dropElement() {
  return { node: null, forChild: () => null };
}

export function $createPullQuoteNode(attribution = ''): PullQuoteNode {
  return $applyNodeReplacement(new ($registeredClass(PullQuoteNode))(attribution));
}

export function $isPullQuoteNode(node: LexicalNode | null | undefined): node is PullQuoteNode {
  return node instanceof PullQuoteNode;
}
