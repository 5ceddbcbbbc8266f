import { all, plainText, rename, unwrap } from './dom-utils';

/**
 * Reduces any pasted or imported document to the blocks an article body holds: h2/h3 headings,
 * paragraphs, lists, quotes. Runs before DOMPurify, which then drops every other tag and attribute.
 */

/** Page furniture from web pages: menus, sidebars, forms. Removed with their text. */
const FURNITURE = 'nav, aside, footer, form, button, select, input, textarea, label, noscript, template, iframe, object, embed, script, style, link, meta, title, svg, math, canvas, video, audio, [hidden], [aria-hidden="true"]';

export function removeFurniture(body: Element): void {
  for (const element of all(body, FURNITURE)) element.remove();
  // Word comments, comment anchors, footnote bodies, and tracked deletions (del with an author/time).
  for (const element of all(body, '[style*="mso-element:comment" i], .MsoCommentReference, .msocomtxt, [class^="msocom" i], [style*="mso-element:footnote" i], [style*="mso-element:endnote" i], del[datetime], del[cite]')) {
    element.remove();
  }
  // Word's <o:p> (empty paragraph marks) and other namespaced Office tags.
  for (const element of all(body, '*')) {
    if (element.tagName.includes(':')) {
      if (element.tagName.toLowerCase() === 'o:p') unwrap(element);
      else element.remove();
    }
  }
}

/** Body headings: h1 (and Word's Title paragraph) become h2, h4–h6 become h3. */
export function normaliseHeadings(body: Element): void {
  for (const element of all(body, 'p.MsoTitle, p.Title')) rename(element, 'h1');
  for (const element of all(body, 'h1')) rename(element, 'h2');
  for (const element of all(body, 'h4, h5, h6')) rename(element, 'h3');
}

/** Tables, code and figures keep their words as plain paragraphs. */
export function flattenBlocks(body: Element): void {
  for (const cell of all(body, 'td, th, dt, dd, pre, figcaption, caption')) rename(cell, 'p');
  for (const element of all(body, 'table, thead, tbody, tfoot, tr, dl, figure, section, article, main, header, center')) unwrap(element);
  for (const element of all(body, 'b')) rename(element, 'strong');
  for (const element of all(body, 'i')) rename(element, 'em');
  for (const element of all(body, 'strike, del')) rename(element, 's');
  // Word's tracked insertions are just text once accepted.
  for (const element of all(body, 'ins')) unwrap(element);
}

/**
 * Paragraphs inside list items (Google Docs, LibreOffice) are unwrapped; a `<br>` then separates
 * them so two paragraphs do not run together.
 */
export function simplifyListItems(body: Element): void {
  for (const paragraph of all(body, 'li > p, li > div')) {
    const next = paragraph.nextSibling;
    if (next && plainText(next) !== '' && next.nodeName !== 'UL' && next.nodeName !== 'OL') {
      paragraph.after(paragraph.ownerDocument.createElement('br'));
    }
    unwrap(paragraph);
  }
}

/** Office blank lines (`<p>&nbsp;</p>`) and lone `<br>`s between blocks carry nothing. */
export function removeEmptyBlocks(body: Element): void {
  // Inline elements holding only a space keep it: it separates two words.
  for (const element of all(body, 'span, strong, em, u, s, a')) {
    if ((element.textContent ?? '') === '' && !element.querySelector('img')) element.remove();
  }
  for (const element of all(body, 'p, h1, h2, h3, h4, h5, h6, li, blockquote, ul, ol, div')) {
    if (plainText(element) === '' && !element.querySelector('img')) element.remove();
  }
  for (const br of all(body, 'br')) {
    const parent = br.parentElement;
    if (parent === body || parent?.tagName === 'DIV' || parent?.tagName === 'BLOCKQUOTE') br.remove();
  }
}
