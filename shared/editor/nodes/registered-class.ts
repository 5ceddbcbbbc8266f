import { $getEditor, getRegisteredNode, type LexicalNode } from 'lexical';

/**
 * The class the active editor registered for `base`'s type: `base` itself, or a subclass of the
 * same type (the renderer registers drawing subclasses of the headless nodes in their place).
 * Lexical refuses to construct a class other than the registered one, so `$create…` helpers build
 * through this.
 */
export function $registeredClass<K extends abstract new (...args: never[]) => LexicalNode & object>(
  base: K & { getType(): string },
): K {
  const klass: unknown = getRegisteredNode($getEditor(), base.getType())?.klass;
  return typeof klass === 'function' && (klass === base || klass.prototype instanceof base) ? (klass as K) : base;
}
