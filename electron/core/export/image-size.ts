/**
 * The pixel size of a PNG, JPEG, GIF or WebP from its header, so a .docx can lay an image out at
 * its own proportions. Returns null when the header cannot be read (the caller falls back).
 */
export interface PixelSize {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 0x10000 + u16be(b, at + 2);
const ascii = (b: Uint8Array, at: number, length: number) => String.fromCharCode(...b.subarray(at, at + length));

function jpegSize(b: Uint8Array): PixelSize | null {
  let at = 2;
  while (at + 9 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    at += 2 + u16be(b, at + 2);
  }
  return null;
}

function webpSize(b: Uint8Array): PixelSize | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

export function imagePixelSize(bytes: Uint8Array, mediaType: string): PixelSize | null {
  let size: PixelSize | null = null;
  if (mediaType === 'image/png' && bytes.length >= 24) size = { width: u32be(bytes, 16), height: u32be(bytes, 20) };
  else if (mediaType === 'image/gif' && bytes.length >= 10) size = { width: u16le(bytes, 6), height: u16le(bytes, 8) };
  else if (mediaType === 'image/jpeg') size = jpegSize(bytes);
  else if (mediaType === 'image/webp' && bytes.length >= 30) size = webpSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : null;
}

/** Fits a size into a box of `maxWidth`, keeping proportions; unknown sizes get a 4:3 frame. */
export function fitWidth(size: PixelSize | null, maxWidth: number): PixelSize {
  if (!size) return { width: maxWidth, height: Math.round((maxWidth * 3) / 4) };
  if (size.width <= maxWidth) return size;
  return { width: maxWidth, height: Math.max(1, Math.round((size.height * maxWidth) / size.width)) };
}
