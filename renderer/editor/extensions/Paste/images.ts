import { all } from './dom-utils';

/**
 * Pasted and imported images never load: the editor fetches no remote content and cannot read
 * `file:` paths (Word puts `file:///C:/…/clip_image001.png` on the clipboard). Each image becomes a
 * placeholder `<img data-missing-source="name" alt="…">` with no `src`, which the Lexical import
 * turns into an "attach this image" block. Remote http(s) and data: images are treated the same
 * way, so a journalist sees that a picture was there and attaches the real file; tracking pixels
 * (1×1 or hidden images) are dropped.
 */
export const MISSING_SOURCE_ATTR = 'data-missing-source';

function isTrackingPixel(image: Element): boolean {
  const width = Number(image.getAttribute('width') ?? NaN);
  const height = Number(image.getAttribute('height') ?? NaN);
  if (width <= 1 || height <= 1) return true;
  const style = image.getAttribute('style') ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden|(?:^|;)\s*(?:width|height)\s*:\s*[01]px/i.test(style);
}

/** A readable name for the placeholder: the file name for paths and URLs. */
export function imageSourceName(src: string): string {
  const value = src.trim();
  if (/^data:/i.test(value)) return 'pasted image';
  const path = value.split(/[?#]/)[0] ?? '';
  const last = path.split(/[\\/]/).filter(Boolean).at(-1) ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A malformed escape: keep the raw name.
  }
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001f\u007f<>"]/g, '').slice(0, 120);
  return name || 'image';
}

export function imagesToPlaceholders(body: Element): void {
  for (const image of all(body, 'img')) {
    const src = image.getAttribute('src') ?? image.getAttribute(MISSING_SOURCE_ATTR) ?? '';
    if (src === '' || isTrackingPixel(image)) {
      image.remove();
      continue;
    }
    const placeholder = image.ownerDocument.createElement('img');
    placeholder.setAttribute(MISSING_SOURCE_ATTR, image.hasAttribute('src') ? imageSourceName(src) : src);
    const alt = (image.getAttribute('alt') ?? '').trim();
    if (alt) placeholder.setAttribute('alt', alt.slice(0, 300));
    image.replaceWith(placeholder);
  }
}
