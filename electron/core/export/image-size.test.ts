import { describe, expect, it } from 'vitest';
import { fitWidth, imagePixelSize } from './image-size';

const bytes = (...parts: Array<number[] | string>) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((ch) => ch.charCodeAt(0)) : part)));

describe('imagePixelSize', () => {
  it('reads PNG, GIF, JPEG and the three WebP headers', () => {
    const png = bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', [0, 0, 3, 32, 0, 0, 2, 88]);
    expect(imagePixelSize(png, 'image/png')).toEqual({ width: 800, height: 600 });
    expect(imagePixelSize(bytes('GIF89a', [0x40, 0x01, 0xf0, 0x00]), 'image/gif')).toEqual({ width: 320, height: 240 });
    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 480 and width 640.
    const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], new Array<number>(14).fill(0), [0xff, 0xc0, 0, 17, 8, 1, 0xe0, 2, 0x80]);
    expect(imagePixelSize(jpeg, 'image/jpeg')).toEqual({ width: 640, height: 480 });
    const webpX = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8X', [10, 0, 0, 0, 0, 0, 0, 0], [0x1f, 0x03, 0x00, 0x57, 0x02, 0x00]);
    expect(imagePixelSize(webpX, 'image/webp')).toEqual({ width: 800, height: 600 });
    const lossless = (800 - 1) | ((600 - 1) << 14);
    const webpL = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8L', [0, 0, 0, 0, 0x2f], [lossless & 0xff, (lossless >> 8) & 0xff, (lossless >> 16) & 0xff, (lossless >>> 24) & 0xff], [0, 0, 0, 0, 0]);
    expect(imagePixelSize(webpL, 'image/webp')).toEqual({ width: 800, height: 600 });
  });

  it('returns null for a header it cannot read', () => {
    expect(imagePixelSize(bytes([0xff, 0xd8, 0x00]), 'image/jpeg')).toBeNull();
    expect(imagePixelSize(bytes('GIF89a', [0, 0, 0, 0]), 'image/gif')).toBeNull();
  });
});

describe('fitWidth', () => {
  it('scales down to the width, keeping proportions, and never up', () => {
    expect(fitWidth({ width: 1200, height: 800 }, 600)).toEqual({ width: 600, height: 400 });
    expect(fitWidth({ width: 300, height: 200 }, 600)).toEqual({ width: 300, height: 200 });
    expect(fitWidth(null, 600)).toEqual({ width: 600, height: 450 });
  });
});
