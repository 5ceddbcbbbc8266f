import { all, unwrap } from './dom-utils';

/**
 * Final shaping of sanitised markup, so Lexical gets blocks it can hold: loose text at the top
 * level goes into paragraphs, quotes hold inline content only, and whitespace is collapsed as a
 * browser would show it (Word wraps its HTML lines in the middle of sentences).
 */

const BLOCK_TAGS = new Set(['P', 'H2', 'H3', 'UL', 'OL', 'LI', 'BLOCKQUOTE']);

function isBlock(node: Node): boolean {
  return BLOCK_TAGS.has(node.nodeName);
}

/** Groups runs of inline nodes that sit directly in `parent` into paragraphs. */
function wrapLooseInline(parent: Element): void {
  const doc = parent.ownerDocument;
  let run: Node[] = [];
  const flush = (before: Node | null) => {
    const meaningful = run.some((node) => node.nodeType !== 3 || (node.textContent ?? '').trim() !== '');
    if (meaningful) {
      const paragraph = doc.createElement('p');
      parent.insertBefore(paragraph, before);
      for (const node of run) paragraph.appendChild(node);
    } else {
      for (const node of run) node.parentNode?.removeChild(node);
    }
    run = [];
  };
  for (const child of Array.from(parent.childNodes)) {
    if (isBlock(child)) flush(child);
    else if (child.nodeName === 'BR') {
      // A <br> between blocks or at a paragraph's edge separates nothing.
      flush(child);
      child.parentNode?.removeChild(child);
    } else run.push(child);
  }
  flush(null);
}

/** A quote holds inline text only; its paragraphs become lines. */
function flattenQuotes(container: Element): void {
  for (const quote of all(container, 'blockquote')) {
    for (const inner of all(quote, 'blockquote, ul, ol, li, h2, h3')) unwrap(inner);
    const paragraphs = all(quote, 'p');
    paragraphs.forEach((paragraph, index) => {
      if (index > 0) paragraph.before(quote.ownerDocument.createElement('br'));
      unwrap(paragraph);
    });
  }
}

/** Paragraphs and headings nested in inline tags or in each other are lifted out (a `<p>` inside `<em>`). */
function liftNestedBlocks(container: Element): void {
  // An inline tag wrapped around blocks (`<em><blockquote>…`) formats nothing Lexical can keep.
  for (const inline of all(container, 'strong, em, u, s, a')) {
    if (inline.querySelector('p, h2, h3, ul, ol, li, blockquote')) unwrap(inline);
  }
  for (const block of all(container, 'p p, p h2, p h3, h2 p, h3 p, h2 h3, h3 h2')) unwrap(block);
}

function collapseWhitespace(container: Element): void {
  const doc = container.ownerDocument;
  const walker = doc.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const text of texts) text.data = text.data.replace(/[ \t\n\r\f]+/g, ' ');
  // Trim each block's edges: its first and last text.
  for (const block of all(container, 'p, h2, h3, li, blockquote')) {
    const blockTexts = texts.filter((text) => block.contains(text) && closestBlock(text) === block);
    const first = blockTexts[0];
    const last = blockTexts.at(-1);
    if (first) first.data = first.data.replace(/^ +/, '');
    if (last) last.data = last.data.replace(/ +$/, '');
  }
  for (const text of texts) if (text.parentNode && text.data === '') text.remove();
}

function closestBlock(node: Node): Element | null {
  let current = node.parentElement;
  while (current && !isBlock(current)) current = current.parentElement;
  return current;
}

/**
 * An image in the body is a block of its own (ImageNode), so each placeholder moves out of the
 * text it sat in, into its own paragraph just after that block: `<p><img …></p>`.
 */
function hoistImages(container: Element): void {
  const lastInserted = new Map<Element, Element>();
  for (const image of all(container, 'img')) {
    let top: Element = image;
    while (top.parentElement && top.parentElement !== container) top = top.parentElement;
    if (top !== image && top.tagName === 'P' && (top.textContent ?? '').trim() === '' && top.querySelectorAll('img').length === 1) continue;
    const paragraph = container.ownerDocument.createElement('p');
    if (top === image) {
      image.replaceWith(paragraph);
      paragraph.appendChild(image);
      continue;
    }
    (lastInserted.get(top) ?? top).after(paragraph);
    paragraph.appendChild(image);
    lastInserted.set(top, paragraph);
  }
}

export function shapeBlocks(container: Element): void {
  liftNestedBlocks(container);
  hoistImages(container);
  flattenQuotes(container);
  wrapLooseInline(container);
  for (const item of all(container, 'li')) {
    // Whitespace between a list item's text and its nested list is layout, not content.
    for (const child of Array.from(item.childNodes)) if (child.nodeType === 3 && (child.textContent ?? '').trim() === '' && child.nextSibling && isBlock(child.nextSibling)) child.remove();
  }
  for (const list of all(container, 'ul, ol')) {
    for (const child of Array.from(list.childNodes)) if (child.nodeName !== 'LI') child.parentNode?.removeChild(child);
  }
  collapseWhitespace(container);
}
