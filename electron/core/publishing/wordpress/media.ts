import { z } from 'zod';
import { AppFailure } from '../../../../shared/ipc/result';
import type { WordPressClient } from './wordpress-client';

/** An image in WordPress' media library. */
export interface RemoteMedia {
  id: number;
  url: string;
}

/** What the media library needs of one image of the draft. */
export interface MediaUpload {
  asset: string;
  mediaType: string;
  bytes: Uint8Array;
  alt: string;
  caption: string;
}

const MediaReplySchema = z.object({ id: z.number().int().positive(), source_url: z.string() });


/**
 * Uploads each image of a draft at most once per site: `known` holds what earlier publishes
 * uploaded (asset name → media id), and an image found there only has its alt text and caption
 * brought up to date. An image deleted from the library meanwhile is uploaded again.
 */
export class MediaLibrary {
  private readonly uploaded = new Map<string, RemoteMedia>();

  constructor(
    private readonly client: WordPressClient,
    private readonly readAsset: (asset: string) => Promise<{ mediaType: string; bytes: Uint8Array }>,
    known: Readonly<Record<string, RemoteMedia>> = {},
  ) {
    for (const [asset, media] of Object.entries(known)) this.uploaded.set(asset, media);
  }

  /** Every image this library knows for the draft, old and new: the next publication record. */
  get record(): Record<string, RemoteMedia> {
    return Object.fromEntries(this.uploaded);
  }

  /** The image in the library with this alt text and caption, uploading it if needed. */
  async ensure(asset: string, details: { alt: string; caption: string }): Promise<RemoteMedia> {
    const known = this.uploaded.get(asset);
    if (known !== undefined) {
      try {
        await this.describe(known.id, details);
        return known;
      } catch (error) {
        if (!(error instanceof AppFailure && error.code === 'NOT_FOUND')) throw error;
        this.uploaded.delete(asset); // deleted in WordPress: upload it again below
      }
    }
    const file = await this.readAsset(asset);
    const media = await this.upload({ asset, ...file, ...details });
    this.uploaded.set(asset, media);
    return media;
  }

  private async upload(file: MediaUpload): Promise<RemoteMedia> {
    const reply = await this.client.uploadMedia({ bytes: file.bytes, fileName: file.asset, mediaType: file.mediaType });
    const media = this.client.read(MediaReplySchema, reply);
    // The raw upload carries only the file; alt text and caption are set on the new item.
    await this.describe(media.id, file);
    return { id: media.id, url: media.source_url };
  }

  private async describe(id: number, details: { alt: string; caption: string }): Promise<void> {
    await this.client.postJson(`/wp/v2/media/${id}`, { alt_text: details.alt, caption: details.caption });
  }
}
