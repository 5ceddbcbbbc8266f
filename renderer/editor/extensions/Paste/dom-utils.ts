/** Small DOM helpers for the cleaning passes; they only move nodes, never parse markup. */

export function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

/** Replaces `element` with a new element named `tag`, keeping its children (attributes dropped). */
export function rename(element: Element, tag: string): Element {
  const replacement = element.ownerDocument.createElement(tag);
  while (element.firstChild) replacement.appendChild(element.firstChild);
  element.replaceWith(replacement);
  return replacement;
}

/** Wraps all children of `element` in a new `tag` element. */
export function wrapChildren(element: Element, tag: string): Element {
  const wrapper = element.ownerDocument.createElement(tag);
  while (element.firstChild) wrapper.appendChild(element.firstChild);
  element.appendChild(wrapper);
  return wrapper;
}

/** Every element under `root` matching `selector`, as a static array (safe to mutate the tree while iterating). */
export function all(root: ParentNode, selector: string): Element[] {
  return Array.from(root.querySelectorAll(selector));
}

/** Removes every comment under `root`: Office conditional comments, StartFragment markers, tracking notes. */
export function removeComments(root: Node): void {
  const doc = root.ownerDocument ?? (root as Document);
  // 128 = NodeFilter.SHOW_COMMENT (the constant is not on every window-less Document).
  const walker = doc.createTreeWalker(root, 128);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

/** Text with non-breaking spaces as spaces, trimmed. */
export function plainText(node: Node): string {
  return (node.textContent ?? '').replace(/\u00a0/g, ' ').trim();
}
