import createDOMPurify, { type DOMPurify } from 'dompurify';
import { isSafeLinkUrl } from '../../../../shared/url-policy';
import { MISSING_SOURCE_ATTR } from './images';

/**
 * The strict allowlist every pasted or imported fragment goes through: only the tags an article
 * body holds, only `href` (links), `alt` and the image placeholder's name. DOMPurify sanitises
 * markup, not URLs (`DOMPurify.sanitize('javascript:alert(1)')` returns it unchanged), so every
 * href is then checked against the app's URL allowlist; a link that fails keeps its text.
 */
export const ALLOWED_TAGS = ['p', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'a', 'strong', 'em', 'u', 's', 'br', 'img'];
export const ALLOWED_ATTR = ['href', 'alt', MISSING_SOURCE_ATTR];

/** One DOMPurify per window: its hooks and config are per instance. */
const instances = new WeakMap<object, DOMPurify>();

function purifierFor(win: Window): DOMPurify {
  let purify = instances.get(win);
  if (!purify) {
    purify = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A') {
        const href = node.getAttribute('href');
        if (href === null || !isSafeLinkUrl(href)) node.removeAttribute('href');
        else node.setAttribute('href', href.trim());
      }
      // An image is only ever a placeholder: it must not carry a src of any kind.
      if (node.nodeName === 'IMG') node.removeAttribute('src');
    });
    instances.set(win, purify);
  }
  return purify;
}

export function purify(win: Window, html: string): DocumentFragment {
  return purifierFor(win).sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
  });
}
