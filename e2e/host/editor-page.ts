import { deflateSync } from 'node:zlib';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** The body editor's controls, by the names a screen reader reads (see AppPage for the rest). */
export class EditorPage {
  constructor(readonly page: Page) {}

  get body(): Locator {
    return this.page.getByRole('textbox', { name: 'Article body' });
  }

  toolbarButton(name: string): Locator {
    return this.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });
  }

  /** Picks an item of the toolbar's Insert menu. */
  async insert(item: string): Promise<void> {
    await this.toolbarButton('Insert').click();
    await this.page.getByRole('menu', { name: 'Insert' }).getByRole('menuitem', { name: item, exact: true }).click();
  }

  get findBar(): Locator {
    return this.page.getByRole('search', { name: 'Find and replace' });
  }

  /** Waits until the page's selection is in the body, as a person waits to see the caret. */
  async caretInBody(): Promise<void> {
    await expect(this.body).toBeFocused();
  }

  /** Puts the caret at the very end of the story. */
  async caretAtEnd(): Promise<void> {
    await this.body.focus();
    await this.page.keyboard.press('ControlOrMeta+End');
  }
}

/** A small real PNG (solid colour), written to `folder`; returns its path. */
export async function writePng(folder: string, name = 'harbour.png', width = 48, height = 24): Promise<string> {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0x1f, 0x6f, 0xb5]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  const path = join(folder, name);
  await writeFile(path, png);
  return path;
}
