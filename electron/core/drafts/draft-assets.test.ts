import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/ipc/result';
import { AssetNameSchema } from '../../../shared/model/article';
import { ASSETS_FOLDER, DraftAssets, sniffImage } from './draft-assets';
import { tempFolder } from './testing';

const ID = '3b0c8a2e-5f1d-4e6a-9b7c-2d4e6f8a0b1c';
const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, ...ascii('IHDR'));
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, ...ascii('JFIF'));
const GIF = bytes(...ascii('GIF89a'), 1, 0, 1, 0);
const WEBP = bytes(...ascii('RIFF'), 26, 0, 0, 0, ...ascii('WEBPVP8 '));

let root: { path: string; remove: () => Promise<void> };
let assets: DraftAssets;
const folderOf = (id: string) => join(root.path, id);

beforeEach(async () => {
  root = await tempFolder('newsroom-assets-');
  await mkdir(folderOf(ID));
  assets = new DraftAssets(folderOf);
});
afterEach(() => root.remove());

const failureCode = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof AppFailure ? error.code : 'not an AppFailure'),
  );

describe('sniffImage', () => {
  it('knows PNG, JPEG, GIF and WebP by their first bytes', () => {
    expect(sniffImage(PNG)?.type).toBe('image/png');
    expect(sniffImage(JPEG)?.type).toBe('image/jpeg');
    expect(sniffImage(GIF)?.type).toBe('image/gif');
    expect(sniffImage(WEBP)?.type).toBe('image/webp');
  });

  it('knows nothing else, nor a truncated signature', () => {
    expect(sniffImage(bytes(...ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')))).toBeNull();
    expect(sniffImage(bytes(...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WAVE')))).toBeNull();
    expect(sniffImage(PNG.slice(0, 7))).toBeNull();
    expect(sniffImage(bytes())).toBeNull();
  });
});

describe('DraftAssets', () => {
  it.each([
    ['png', PNG, 'image/png'],
    ['jpg', JPEG, 'image/jpeg'],
    ['gif', GIF, 'image/gif'],
    ['webp', WEBP, 'image/webp'],
  ] as const)('keeps a %s in the draft folder, named by content, and reads it back', async (ext, data, type) => {
    const attached = await assets.attach(ID, data);
    expect(attached).toEqual({ asset: expect.stringMatching(new RegExp(`^[a-f0-9]{32}\\.${ext}$`)), mediaType: type, bytes: data.length });
    expect(AssetNameSchema.safeParse(attached.asset).success).toBe(true);
    expect(new Uint8Array(await readFile(join(folderOf(ID), ASSETS_FOLDER, attached.asset)))).toEqual(data);
    const read = await assets.read(ID, attached.asset);
    expect(read.mediaType).toBe(type);
    expect(new Uint8Array(read.bytes)).toEqual(data);
  });

  it('refuses a file named .png that is really text, and writes nothing', async () => {
    const text = new TextEncoder().encode('just some notes, saved as photo.png');
    expect(await failureCode(assets.attach(ID, text))).toBe('INVALID_INPUT');
    await expect(readdir(join(folderOf(ID), ASSETS_FOLDER))).rejects.toThrow();
  });

  it('stores the same picture once, however often it is attached', async () => {
    const first = await assets.attach(ID, PNG);
    const second = await assets.attach(ID, Uint8Array.from(PNG));
    expect(second.asset).toBe(first.asset);
    expect(await readdir(join(folderOf(ID), ASSETS_FOLDER))).toEqual([first.asset]);
    const other = await assets.attach(ID, GIF);
    expect(other.asset).not.toBe(first.asset);
  });

  it('keeps the picture after the original file is deleted', async () => {
    const original = join(root.path, 'photo.png');
    await writeFile(original, PNG);
    const attached = await assets.attach(ID, new Uint8Array(await readFile(original)));
    await rm(original);
    expect(new Uint8Array((await assets.read(ID, attached.asset)).bytes)).toEqual(PNG);
  });

  it('answers NOT_FOUND for a draft that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await failureCode(assets.attach(missing, PNG))).toBe('NOT_FOUND');
    expect(await failureCode(assets.read(missing, `${'a'.repeat(32)}.png`))).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND for an image the draft does not have', async () => {
    expect(await failureCode(assets.read(ID, `${'b'.repeat(32)}.png`))).toBe('NOT_FOUND');
  });

  it('refuses a name that is not an asset name, such as a path out of the folder', async () => {
    expect(await failureCode(assets.read(ID, '../draft.json'))).toBe('INVALID_INPUT');
    expect(await failureCode(assets.read(ID, 'photo.png'))).toBe('INVALID_INPUT');
  });
});
