import { randomBytes } from "node:crypto";
import { PNG } from "pngjs";

/** A PNG of the given size, plain or full of noise (noise does not compress, so it makes large files). */
export function pngImage(width: number, height: number, noise = false): Uint8Array {
  const image = new PNG({ width, height });
  if (noise) randomBytes(image.data.length).copy(image.data);
  else image.data.fill(0x80);
  return new Uint8Array(PNG.sync.write(image));
}

/** The headers of a baseline JPEG (SOI, APP0, SOF0 with the size, EOI): enough for a reader of dimensions. */
export function jpegHeaders(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
  ];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}
