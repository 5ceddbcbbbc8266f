import { readBody } from '../../../../shared/editor/body-model';
import { renderBodyBlocks, type RenderedBlock } from '../../../../shared/editor/render-html';
import type { EditorStateJson } from '../../../../shared/model/article';
import { type MediaLibrary, type RemoteMedia } from './media';
import { captionWithCredit } from '../story-mapping';

/**
 * Renders the body with each of its images uploaded to the media library (once per asset, and
 * not again on a republish) and shown from the site's own URL. The images are found in the
 * body's blocks first, then the body is rendered with the uploaded URLs. Image placeholders
 * without a file are not uploaded, and the renderer leaves them out.
 */
export async function renderWithUploadedImages(
  body: EditorStateJson,
  media: MediaLibrary,
): Promise<{ blocks: RenderedBlock[]; mediaIdOf: (asset: string) => number | undefined }> {
  const found = new Map<string, { alt: string; caption: string }>();
  for (const block of readBody(body)) {
    const image = block.kind === 'image' ? block.image : undefined;
    if (image?.asset && !found.has(image.asset)) {
      found.set(image.asset, { alt: image.alt, caption: captionWithCredit(image.caption, image.credit) });
    }
  }
  const uploaded = new Map<string, RemoteMedia>();
  for (const [asset, details] of found) uploaded.set(asset, await media.ensure(asset, details));
  const blocks = renderBodyBlocks(body, { imageUrl: (asset) => uploaded.get(asset)?.url });
  return { blocks, mediaIdOf: (asset) => uploaded.get(asset)?.id };
}
