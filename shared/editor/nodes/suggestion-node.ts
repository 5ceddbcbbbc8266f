import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { z } from 'zod';
import { type SuggestionAttrs, SuggestionAttrsSchema } from '../../model/review';
import type { DomElement } from './dom-element';
import { $registeredClass } from './registered-class';
import { parseNodeJson } from './validate';

export const SUGGESTION_TYPE = 'suggestion';

/** JSON: an inline element (text children) plus the suggestion it carries. */
export type SerializedSuggestionNode = Spread<{ suggestion: SuggestionAttrs }, SerializedElementNode>;

const SuggestionJsonSchema = z.object({ type: z.literal(SUGGESTION_TYPE), suggestion: SuggestionAttrsSchema });

/**
 * A suggested change wrapped around the text it concerns (issue 7): `insert` — the text is new
 * and not yet accepted; `delete` — the text is struck and goes when accepted; `format` — the text's
 * format was toggled and goes back when rejected. Inline, like a link, so it sits inside any
 * paragraph, heading, quote or list item. The suggestion engine (shared/editor/review/) creates,
 * accepts and rejects these; outputs read them through body-model's review views.
 */
export class SuggestionNode extends ElementNode {
  __suggestion: SuggestionAttrs;

  static override getType(): string {
    return SUGGESTION_TYPE;
  }

  static override clone(node: SuggestionNode): SuggestionNode {
    return new this(node.__suggestion, node.__key);
  }

  static override importJSON(json: SerializedSuggestionNode): SuggestionNode {
    const { suggestion } = parseNodeJson(SUGGESTION_TYPE, SuggestionJsonSchema, json);
    return $applyNodeReplacement(new this(suggestion)).updateFromJSON(json);
  }

  constructor(suggestion: SuggestionAttrs, key?: NodeKey) {
    super(key);
    this.__suggestion = suggestion;
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__suggestion = prevNode.__suggestion;
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedSuggestionNode>): this {
    const { suggestion } = parseNodeJson(SUGGESTION_TYPE, SuggestionJsonSchema, { ...json, type: SUGGESTION_TYPE });
    const writable = super.updateFromJSON(json).getWritable();
    writable.__suggestion = suggestion;
    return writable;
  }

  override exportJSON(): SerializedSuggestionNode {
    return { ...super.exportJSON(), suggestion: this.getSuggestion() };
  }

  getSuggestion(): SuggestionAttrs {
    return this.getLatest().__suggestion;
  }

  override isInline(): true {
    return true;
  }

  /** The caret may sit inside at either edge: typing at the end of one's own insertion extends it. */
  override canInsertTextBefore(): boolean {
    return this.__suggestion.kind === 'insert';
  }

  override canInsertTextAfter(): boolean {
    return this.__suggestion.kind === 'insert';
  }

  override canBeEmpty(): false {
    return false;
  }

  override isShadowRoot(): boolean {
    return false;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const { kind, by, id } = this.__suggestion;
    const tag = kind === 'insert' ? 'ins' : kind === 'delete' ? 'del' : 'span';
    const element = $getDocument().createElement(tag);
    element.className = ['suggestion', `suggestion-${kind}`, config.theme['suggestion']].filter(Boolean).join(' ');
    setAttributes(element, this.__suggestion);
    element.title = `${describe(this.__suggestion)} — ${by.name}`;
    element.dataset['suggestionId'] = id;
    return element;
  }

  override updateDOM(prevNode: SuggestionNode): boolean {
    // The tag depends on the kind; anything else is attributes.
    return prevNode.__suggestion.kind !== this.__suggestion.kind || prevNode.__suggestion !== this.__suggestion;
  }

  /** Never reached by publishing (body-model reads suggestions by view); a copy to the clipboard keeps the marks as ins/del. */
  override exportDOM(): DOMExportOutput {
    const { kind } = this.getSuggestion();
    const element = $getDocument().createElement(kind === 'insert' ? 'ins' : kind === 'delete' ? 'del' : 'span');
    return { element };
  }
}

function setAttributes(element: DomElement, suggestion: SuggestionAttrs): void {
  element.setAttribute('data-suggestion-kind', suggestion.kind);
  element.setAttribute('data-suggestion-author', suggestion.by.name);
}

/** "Inserted", "Deleted", "Made bold", "Removed italic". */
export function describe(suggestion: SuggestionAttrs): string {
  if (suggestion.kind === 'insert') return 'Inserted';
  if (suggestion.kind === 'delete') return 'Deleted';
  return `${suggestion.on === false ? 'Removed' : 'Made'} ${suggestion.format ?? 'format'}`;
}

export function $createSuggestionNode(suggestion: SuggestionAttrs): SuggestionNode {
  const klass = $registeredClass(SuggestionNode);
  return $applyNodeReplacement(new klass(suggestion));
}

export const $isSuggestionNode = (node: LexicalNode | null | undefined): node is SuggestionNode => node instanceof SuggestionNode;
