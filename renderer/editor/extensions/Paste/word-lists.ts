import { all, plainText } from './dom-utils';

/**
 * Word puts list items on the clipboard as flat paragraphs (`class="MsoListParagraphCxSpFirst"`,
 * `style="mso-list:l0 level2 lfo1"`) whose bullet or number is typed text inside a
 * `<span style="mso-list:Ignore">`. This rebuilds real nested `<ul>`/`<ol>` lists from them.
 */

const MSO_LIST = /mso-list:\s*(l\d+)\s+level(\d+)/i;
/**
 * "1.", "a)", "iv.", "(3)": an ordered marker. Anything else is a bullet: "·" (Symbol), "§"
 * (Wingdings), and the bare "o" Word uses for second-level bullets in Courier New.
 */
const ORDERED_MARKER = /^\(?([0-9]{1,3}|[a-z]|[ivxlcdm]{1,6})[.)]$/i;

interface WordListItem {
  paragraph: Element;
  listId: string;
  level: number;
  ordered: boolean;
}

function listInfo(paragraph: Element): WordListItem | null {
  const match = MSO_LIST.exec(paragraph.getAttribute('style') ?? '');
  if (!match) return null;
  const marker = paragraph.querySelector('[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i]');
  const markerText = marker ? plainText(marker) : '';
  // The marker span sits inside one or two font wrappers that hold nothing else.
  let removable: Element | null = marker;
  while (removable?.parentElement && removable.parentElement !== paragraph && plainText(removable.parentElement) === markerText) {
    removable = removable.parentElement;
  }
  removable?.remove();
  return {
    paragraph,
    listId: match[1]!.toLowerCase(),
    level: Math.max(1, Math.min(9, Number(match[2]))),
    ordered: ORDERED_MARKER.test(markerText),
  };
}

function isListParagraph(element: Element | null): boolean {
  return !!element && element.tagName === 'P' && MSO_LIST.test(element.getAttribute('style') ?? '');
}

/** Builds one run of consecutive list paragraphs into nested lists, in place of the first paragraph. */
function buildList(items: WordListItem[]): void {
  const doc = items[0]!.paragraph.ownerDocument;
  const anchor = items[0]!.paragraph;
  // stack[i] is the open list at depth i+1; each nested list hangs off the previous item.
  const stack: Element[] = [];
  const roots: Element[] = [];
  for (const item of items) {
    const depth = Math.min(item.level, stack.length + 1);
    while (stack.length > depth) stack.pop();
    const tag = item.ordered ? 'ol' : 'ul';
    let list = stack[depth - 1];
    if (list && list.tagName.toLowerCase() !== tag && depth === 1) {
      // A top-level switch between numbers and bullets starts a new list.
      stack.length = 0;
      list = undefined;
    }
    if (!list) {
      list = doc.createElement(tag);
      const parentItem = stack[depth - 2]?.lastElementChild;
      if (parentItem) parentItem.appendChild(list);
      else roots.push(list);
      stack[depth - 1] = list;
    }
    const li = doc.createElement('li');
    while (item.paragraph.firstChild) li.appendChild(item.paragraph.firstChild);
    list.appendChild(li);
  }
  for (const root of roots) anchor.before(root);
  for (const item of items) item.paragraph.remove();
}

export function rebuildWordLists(body: Element): void {
  for (const paragraph of all(body, 'p')) {
    if (!body.contains(paragraph) || !isListParagraph(paragraph)) continue;
    // Only start a run at its first paragraph.
    if (isListParagraph(paragraph.previousElementSibling)) continue;
    const run: WordListItem[] = [];
    let current: Element | null = paragraph;
    while (current && isListParagraph(current)) {
      const info = listInfo(current);
      if (info) run.push(info);
      current = current.nextElementSibling;
    }
    if (run.length > 0) buildList(run);
  }
}
