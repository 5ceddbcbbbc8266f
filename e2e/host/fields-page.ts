import { deflateSync, crc32 } from 'node:zlib';
import { expect, type Locator, type Page } from '@playwright/test';

/** The story fields and the publish checklist, by the names a screen reader reads. */
export class FieldsPage {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Story fields' });
  }

  /** The input or text area with this name (not the header's progress bar or a preview image). */
  field(name: string): Locator {
    return this.page.getByLabel(name, { exact: true }).and(this.page.locator('input, textarea'));
  }

  /** The "42 / 90" count a field names with aria-describedby. */
  async budgetOf(name: string): Promise<{ text: string; state: string | null }> {
    const countId = await this.field(name).getAttribute('aria-describedby');
    const count = this.page.locator(`[id="${countId}"]`);
    return { text: (await count.locator('.budget-count').textContent()) ?? '', state: await count.getAttribute('data-state') };
  }

  get checklist(): Locator {
    return this.page.getByRole('list', { name: 'Before publishing' });
  }

  get publishButton(): Locator {
    return this.page.getByRole('button', { name: 'Publish', exact: true });
  }

  get preview(): Locator {
    return this.page.getByRole('img', { name: 'Preview of the featured image' });
  }

  /** Waits until the preview has decoded, and gives its natural width. */
  async previewWidth(): Promise<number> {
    await expect(this.preview).toBeVisible();
    return this.preview.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return img.naturalWidth;
    });
  }
}

/** A real PNG of `width` x `height` red pixels (RGB, 8 bits), made here so the test needs no fixture file. */
export function redPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
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
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0xd0, 0x20, 0x20]))]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
