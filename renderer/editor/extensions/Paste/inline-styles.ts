import { all, unwrap, wrapChildren } from './dom-utils';

/**
 * Office and Google Docs mark bold, italic, underline and strikethrough with inline CSS on spans
 * rather than with tags. This turns those styles into tags before the styles are thrown away.
 * Declarations are parsed from the attribute text, not read through the CSSOM: under the app's CSP
 * (no inline styles) Chromium does not apply `style` attributes even in a DOMParser document, so
 * `element.style` is empty there. Each declaration is matched by its full name, so
 * `mso-bidi-font-weight:normal` is never mistaken for `font-weight:normal`.
 */

function isBold(weight: string): boolean {
  if (weight === 'bold' || weight === 'bolder') return true;
  const numeric = Number(weight);
  return Number.isFinite(numeric) && numeric >= 600;
}

function isNotBold(weight: string): boolean {
  if (weight === 'normal' || weight === 'lighter') return true;
  const numeric = Number(weight);
  return weight !== '' && Number.isFinite(numeric) && numeric < 600;
}

/** The declarations of an element's style attribute, by lower-case property name. */
export function parseStyle(element: Element): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const part of (element.getAttribute('style') ?? '').split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    const value = part.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase();
    if (name) declarations.set(name, value);
  }
  return declarations;
}

/**
 * Google Docs wraps the whole copied range in `<b style="font-weight:normal" id="docs-internal-guid-…">`
 * and marks real bold with `font-weight:700` spans; without this, everything pasted turns bold.
 * Any `<b>`/`<strong>` whose own style says "not bold" is unwrapped for the same reason.
 */
export function unwrapFalseBold(body: Element): void {
  for (const element of all(body, 'b, strong')) {
    const weight = parseStyle(element).get('font-weight') ?? '';
    if (element.id.startsWith('docs-internal-guid') || isNotBold(weight)) unwrap(element);
  }
  for (const element of all(body, 'i, em')) {
    if (parseStyle(element).get('font-style') === 'normal') unwrap(element);
  }
}

/** Styled spans (and styled block elements' inline content) become strong / em / u / s. */
export function stylesToTags(body: Element): void {
  // Only inline elements: a style on a block (a site's lead paragraph, an italic pull quote) is
  // the page's design, not the author's emphasis.
  for (const element of all(body, 'span[style], font[style], a[style], sup[style], sub[style]')) {
    const style = parseStyle(element);
    const get = (name: string) => style.get(name) ?? '';
    const tags: string[] = [];
    if (isBold(get('font-weight')) && !/^(B|STRONG|H[1-6])$/.test(element.tagName)) tags.push('strong');
    if (/^(italic|oblique)/.test(get('font-style')) && !/^(I|EM)$/.test(element.tagName)) tags.push('em');
    const decoration = `${get('text-decoration')} ${get('text-decoration-line')}`;
    // Docs and Word underline the text of every link; that underline is the link's, not the author's.
    if (/underline/.test(decoration) && element.tagName !== 'U' && !element.closest('a')) tags.push('u');
    if (/line-through/.test(decoration) && element.tagName !== 'S') tags.push('s');
    let target: Element = element;
    for (const tag of tags) target = wrapChildren(target, tag);
  }
}

/** Headings are bold already: bold inside them is noise the editor would store. */
export function unwrapBoldInHeadings(body: Element): void {
  for (const element of all(body, 'h1 b, h1 strong, h2 b, h2 strong, h3 b, h3 strong, h4 b, h4 strong, h5 b, h5 strong, h6 b, h6 strong')) {
    unwrap(element);
  }
}
