import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageMediaType } from '../../../shared/ipc/contract';
import { AppFailure } from '../../../shared/ipc/result';
import { AssetNameSchema } from '../../../shared/model/article';
import { writeFileAtomic } from '../fs/atomic-write';
import { isNotFound, toAppFailure } from '../fs/fs-errors';
import { type FileIo, nodeFileIo } from '../fs/file-io';

/** The folder inside a draft's folder that holds its images. */
export const ASSETS_FOLDER = 'assets';

const SIGNATURES: ReadonlyArray<{ type: ImageMediaType; ext: string; test: (b: Uint8Array) => boolean }> = [
  { type: 'image/png', ext: 'png', test: (b) => hasBytes(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', ext: 'jpg', test: (b) => hasBytes(b, 0, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', ext: 'gif', test: (b) => hasAscii(b, 0, 'GIF87a') || hasAscii(b, 0, 'GIF89a') },
  { type: 'image/webp', ext: 'webp', test: (b) => hasAscii(b, 0, 'RIFF') && hasAscii(b, 8, 'WEBP') },
];

const hasBytes = (bytes: Uint8Array, at: number, expected: readonly number[]): boolean =>
  bytes.length >= at + expected.length && expected.every((value, i) => bytes[at + i] === value);
const hasAscii = (bytes: Uint8Array, at: number, text: string): boolean =>
  hasBytes(bytes, at, [...text].map((ch) => ch.charCodeAt(0)));

/** What the bytes are, by their signature: a file's name or extension says nothing we can trust. */
export function sniffImage(bytes: Uint8Array): { type: ImageMediaType; ext: string } | null {
  const match = SIGNATURES.find((signature) => signature.test(bytes));
  return match ? { type: match.type, ext: match.ext } : null;
}

const mediaTypeOfName = (asset: string): ImageMediaType => {
  const ext = asset.slice(asset.lastIndexOf('.') + 1);
  return SIGNATURES.find((signature) => signature.ext === ext)?.type ?? 'image/png';
};

export interface AttachedImage {
  asset: string;
  mediaType: ImageMediaType;
  bytes: number;
}

/**
 * Images kept inside a draft's own folder, named by their content hash: attaching the same picture
 * twice stores it once, and a name can never point outside the folder. Written atomically like the
 * draft itself. Assets are not deleted when the body stops using them: a version may still need them.
 */
export class DraftAssets {
  constructor(
    private readonly folderOf: (draftId: string) => string,
    private readonly io: FileIo = nodeFileIo,
  ) {}

  async attach(draftId: string, bytes: Uint8Array): Promise<AttachedImage> {
    const kind = sniffImage(bytes);
    if (!kind) throw new AppFailure('INVALID_INPUT', 'That file is not an image Newsroom can keep (PNG, JPEG, GIF or WebP).');
    const draftFolder = this.folderOf(draftId);
    await this.requireDraft(draftFolder);
    const asset = `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${kind.ext}`;
    const folder = join(draftFolder, ASSETS_FOLDER);
    const path = join(folder, asset);
    try {
      await mkdir(folder, { recursive: true });
      const existing = await stat(path).catch(() => null);
      if (existing?.size !== bytes.length) {
        await writeFileAtomic(path, bytes, this.io);
        await this.io.fsyncDir(folder);
      }
    } catch (error) {
      throw error instanceof AppFailure ? error : toAppFailure(error, 'save');
    }
    return { asset, mediaType: kind.type, bytes: bytes.length };
  }

  async read(draftId: string, asset: string): Promise<{ mediaType: ImageMediaType; bytes: Buffer }> {
    if (!AssetNameSchema.safeParse(asset).success) throw new AppFailure('INVALID_INPUT', 'Not an image of this draft.');
    const path = join(this.folderOf(draftId), ASSETS_FOLDER, asset);
    try {
      return { mediaType: mediaTypeOfName(asset), bytes: await readFile(path) };
    } catch (error) {
      if (isNotFound(error)) throw new AppFailure('NOT_FOUND', 'This image is missing from the draft’s folder.');
      throw toAppFailure(error, 'read');
    }
  }

  private async requireDraft(folder: string): Promise<void> {
    const info = await stat(folder).catch(() => null);
    if (!info?.isDirectory()) throw new AppFailure('NOT_FOUND', 'This draft no longer exists.');
  }
}
