import { AutoLinkNode, LinkNode } from '@lexical/link';
import { $unwrapNode, mergeRegister } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import { isSafeLinkUrl } from '../../../../shared/url-policy';

/**
 * Links may only point to http, https, mailto and tel (shared/url-policy.ts). LinkPlugin's
 * `validateUrl` only guards its own command and URL pastes; pasted HTML and loaded documents
 * reach the tree without it, so this transform unwraps any other link and keeps its text.
 */
export function registerLinkPolicy(editor: LexicalEditor): () => void {
  const $enforce = (node: LinkNode): void => {
    if (!isSafeLinkUrl(node.getURL())) $unwrapNode(node);
  };
  return mergeRegister(
    editor.registerNodeTransform(LinkNode, $enforce),
    editor.registerNodeTransform(AutoLinkNode, $enforce),
  );
}
