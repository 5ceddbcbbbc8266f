import { DecoratorNode } from 'lexical';

/**
 * What the image and embed nodes share: a block of its own (never inside a line of text), whose
 * words are not story words (a newline keeps the blocks apart in plain text and counts), and which
 * draws nothing headless. The renderer's card subclasses override `decorate()`.
 */
export abstract class BlockCardNode extends DecoratorNode<unknown> {
  override getTextContent(): string {
    return '\n';
  }

  override isInline(): false {
    return false;
  }

  override decorate(): unknown {
    return null;
  }
}
