/**
 * Which link targets a story may carry. DOMPurify and Lexical both let odd schemes through, so the
 * allowlist is checked separately, everywhere a URL enters or leaves a document.
 */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u001F\u007F\s]/;

export function isSafeLinkUrl(raw: string): boolean {
  const value = raw.trim();
  if (value === '' || CONTROL_OR_SPACE.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return false;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && (url.username || url.password)) return false;
  return true;
}

/** Adds https:// to a bare address a journalist typed ("example.com/story"). */
export function normaliseLinkInput(raw: string): string {
  const value = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  return `https://${value}`;
}
