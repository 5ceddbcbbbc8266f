import type { ElementNode } from 'lexical';

/**
 * The DOM element type as Lexical declares it. shared/ compiles in the Node project too, where the
 * DOM lib is absent, so our code never names `HTMLElement` itself.
 */
export type DomElement = ReturnType<ElementNode['createDOM']>;
