import { renderBodyBlocks, type RenderedBlock } from '../../../../shared/editor/render-html';
import type { EditorStateJson } from '../../../../shared/model/article';
import { captionWithCredit, type MediaLibrary, type RemoteMedia } from './media';

/** Stands in for an image's address on the first pass, which only finds the images. */
const FINDING = 'https://images.invalid/';

/**
 * Renders the body with each of its images uploaded to the media library (once per asset, and
 * not again on a republish) and shown from the site's own URL. The first pass renders with a
 * stand-in address to learn which images there are, with their alt text and caption; the second
 * renders with the uploaded URLs. Image placeholders without a file are left out by the renderer.
 */
export async function renderWithUploadedImages(
  body: EditorStateJson,
  media: MediaLibrary,
): Promise<{ blocks: RenderedBlock[]; mediaIdOf: (asset: string) => number | undefined }> {
  const found = new Map<string, { alt: string; caption: string }>();
  for (const block of renderBodyBlocks(body, { imageUrl: (asset) => `${FINDING}${asset}` })) {
    if (block.type === 'image' && !found.has(block.asset)) {
      found.set(block.asset, { alt: block.alt, caption: captionWithCredit(block.caption, block.credit) });
    }
  }
  const uploaded = new Map<string, RemoteMedia>();
  for (const [asset, details] of found) uploaded.set(asset, await media.ensure(asset, details));
  const blocks = renderBodyBlocks(body, { imageUrl: (asset) => uploaded.get(asset)?.url });
  return { blocks, mediaIdOf: (asset) => uploaded.get(asset)?.id };
}
