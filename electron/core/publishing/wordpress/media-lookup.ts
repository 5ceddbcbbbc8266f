import { z } from 'zod';
import type { Article } from '../../../../shared/model/article';
import { readBody } from '../../../../shared/editor/body-model';
import type { RemoteMedia } from './media';
import type { WordPressClient } from './wordpress-client';

const MediaListSchema = z.array(z.object({ id: z.number().int().positive(), slug: z.string(), source_url: z.string() }));

/** Every image asset the story uses: the featured image and the body's images. */
export function assetsOf(article: Pick<Article, 'featuredImage' | 'body'>): string[] {
  const assets = new Set<string>();
  if (article.featuredImage) assets.add(article.featuredImage.asset);
  for (const block of readBody(article.body)) if (block.kind === 'image' && block.image.asset) assets.add(block.image.asset);
  return [...assets];
}

/**
 * The story's images already in the site's media library, so an update does not upload them
 * again. An adapter keeps no record between jobs, but asset names are content hashes and
 * WordPress makes an upload's slug from its file name (`<hash>.png` → `<hash>`), so an exact
 * slug look-up finds the very same bytes. A missing one is uploaded by MediaLibrary as usual.
 */
export async function uploadedBefore(client: WordPressClient, assets: readonly string[]): Promise<Record<string, RemoteMedia>> {
  const known: Record<string, RemoteMedia> = {};
  for (const asset of assets) {
    const stem = asset.slice(0, asset.lastIndexOf('.'));
    const found = await client.getJson('/wp/v2/media', { slug: stem, per_page: '1', context: 'view' }, MediaListSchema);
    const media = found.find((item) => item.slug === stem);
    if (media) known[asset] = { id: media.id, url: media.source_url };
  }
  return known;
}
