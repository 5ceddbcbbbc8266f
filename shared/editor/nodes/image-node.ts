import {
  $applyNodeReplacement,
  $getDocument,
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
import { AssetNameSchema } from '../../model/article';
import { $registeredClass } from './registered-class';
import { parseNodeJson } from './validate';

export const IMAGE_TYPE = 'article-image';

/** An image in the body. `asset: null` is a placeholder asking the journalist to attach the file. */
export const ImageDataSchema = z.object({
  /** A file in the draft's own `assets/` folder; null until the journalist attaches one. */
  asset: AssetNameSchema.nullable(),
  alt: z.string().max(1000),
  caption: z.string().max(2000),
  credit: z.string().max(300),
  /** The original file name of an image that could not be brought in (a pasted `file:` image). */
  missingSource: z.string().max(500).optional(),
});
export type ImageData = z.infer<typeof ImageDataSchema>;

export type SerializedImageNode = Spread<ImageData, SerializedLexicalNode>;

const ImageJsonSchema = ImageDataSchema.extend({ type: z.literal(IMAGE_TYPE) });

/**
 * A block image stored in the draft folder, with its alt text, caption and credit. Headless: this
 * class carries and validates the data; `decorate()` returns null. The renderer subclasses it (same
 * type) to draw it and registers the subclass instead of this class. `clone`/`importJSON` build
 * `new this(...)`, `afterCloneFrom` and `updateFromJSON` carry and validate the data, and
 * `$createImageNode` builds the registered class, so a subclass overrides only `decorate()` (and
 * `createDOM()` for another container). To silence Lexical's dev warning about a missing static
 * `importJSON`, a subclass may declare `static override importJSON(json) { return super.importJSON(json); }`.
 */
export class ImageNode extends BlockCardNode {
  __data: ImageData;

  static override getType(): string {
    return IMAGE_TYPE;
  }

  static override clone(node: ImageNode): ImageNode {
    return new this(node.__data, node.__key);
  }

  static override importJSON(json: SerializedImageNode): ImageNode {
    const { type: _type, ...data } = parseNodeJson(IMAGE_TYPE, ImageJsonSchema, json);
    return $applyNodeReplacement(new this(data)).updateFromJSON(json);
  }

  constructor(data: ImageData = { asset: null, alt: '', caption: '', credit: '' }, key?: NodeKey) {
    super(key);
    this.__data = copyData(data);
  }

  /** Copies the data on every clone path, including the one Lexical synthesises for a subclass. */
  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__data = prevNode.__data;
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedImageNode>): this {
    // Validated here too: Lexical's importJSON synthesised for a subclass comes straight here.
    const { type: _type, ...data } = parseNodeJson(IMAGE_TYPE, ImageJsonSchema, { ...json, type: IMAGE_TYPE });
    return super.updateFromJSON(json).setData(data);
  }

  override exportJSON(): SerializedImageNode {
    return { ...super.exportJSON(), ...this.getData() };
  }

  getData(): ImageData {
    return copyData(this.getLatest().__data);
  }

  /** Merges and validates; throws on a value the schema refuses (e.g. a made-up asset name). */
  setData(partial: Partial<ImageData>): this {
    const merged = { ...this.getLatest().__data, ...partial };
    const data = parseNodeJson(IMAGE_TYPE, ImageDataSchema, merged);
    const writable = this.getWritable();
    writable.__data = copyData(data);
    return writable;
  }

  override createDOM(config: EditorConfig) {
    const element = $getDocument().createElement('div');
    element.className = ['article-image', config.theme['articleImage']].filter(Boolean).join(' ');
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  /**
   * Copy/paste HTML: the asset is named (no URL: the file lives in the draft folder), with the
   * caption and credit as text. Publishing and export render images through render-html instead.
   */
  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const { asset, alt, caption, credit } = this.getData();
    const figure = doc.createElement('figure');
    figure.className = 'article-image';
    if (asset) figure.setAttribute('data-asset', asset);
    if (alt) figure.setAttribute('data-alt', alt);
    const text = [caption, credit].filter((part) => part !== '').join(' — ');
    if (text) {
      const figcaption = doc.createElement('figcaption');
      figcaption.textContent = text;
      figure.append(figcaption);
    }
    return { element: figure };
  }

}

function copyData(data: ImageData): ImageData {
  const { asset, alt, caption, credit, missingSource } = data;
  return missingSource === undefined ? { asset, alt, caption, credit } : { asset, alt, caption, credit, missingSource };
}

export function $createImageNode(data: Partial<ImageData> = {}): ImageNode {
  const full = parseNodeJson(IMAGE_TYPE, ImageDataSchema, { asset: null, alt: '', caption: '', credit: '', ...data });
  return $applyNodeReplacement(new ($registeredClass(ImageNode))(full));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
