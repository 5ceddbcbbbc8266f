import { shapeBlocks } from './blocks';
import { all, removeComments, unwrap } from './dom-utils';
import { imagesToPlaceholders } from './images';
import { stylesToTags, unwrapBoldInHeadings, unwrapFalseBold } from './inline-styles';
import { purify } from './sanitize';
import { flattenBlocks, normaliseHeadings, removeEmptyBlocks, removeFurniture, simplifyListItems } from './structure';
import { rebuildWordLists } from './word-lists';

/**
 * The one cleaning pipeline for paste and import: clipboard or file HTML from Word, Google Docs,
 * LibreOffice, Outlook or a web page in; a small, safe fragment of article markup out
 * (p, h2, h3, ul/ol/li, blockquote, a[href], strong, em, u, s, br, image placeholders).
 *
 * Pure over the window it is given (the renderer passes `window`, node tests a jsdom window).
 * The markup is parsed with DOMParser into an inert document (scripts never run, images never
 * load) and never assigned to a live node's innerHTML.
 */
/** A browser window, or a jsdom window in node tests: DOMParser to parse, the rest for DOMPurify. */
export type CleanerWindow = Window & typeof globalThis;

export function cleanHtml(win: CleanerWindow, html: string): string {
  const doc = new win.DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;
  removeComments(doc);
  removeFurniture(body);
  // Styles are read (bold, italic, lists) before anything drops them.
  unwrapFalseBold(body);
  rebuildWordLists(body);
  stylesToTags(body);
  imagesToPlaceholders(body);
  normaliseHeadings(body);
  flattenBlocks(body);
  unwrapBoldInHeadings(body);
  simplifyListItems(body);
  for (const element of all(body, 'div, span, font')) unwrap(element);

  // Sanitise and shape until the markup no longer changes: an HTML parser rebuilds some
  // structures (formatting around blocks, blocks in paragraphs) differently from how they were
  // built, so one pass is not always stable. Stability is what makes cleaning twice a no-op.
  let output = body.innerHTML;
  for (let round = 0; round < 4; round += 1) {
    const next = sanitiseAndShape(win, doc, output);
    if (next === output) break;
    output = next;
  }
  return output;
}

function sanitiseAndShape(win: CleanerWindow, doc: Document, html: string): string {
  const container = doc.createElement('div');
  container.appendChild(purify(win, html));
  // Links that failed the URL allowlist lost their href in the sanitiser; keep their words.
  for (const link of all(container, 'a:not([href])')) unwrap(link);
  // Re-parsing moves formatting and blocks around (`<strong><h1>` becomes `<h2><strong>`), and
  // unwrapping a link can leave a paragraph directly in a list item (`<li><a><p>`): apply the
  // structural rules again, or a second cleaning would and cleaning would not be stable.
  simplifyListItems(container);
  unwrapBoldInHeadings(container);
  removeEmptyBlocks(container);
  container.normalize();
  shapeBlocks(container);
  removeEmptyBlocks(container);
  container.normalize();
  return container.innerHTML.trim();
}
