import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Draws the two Teams icons (color 192x192, outline 32x32 white on transparent) as PNG files.
 * Run once with `node scripts/ts-run.js appPackage/make-icons.ts`; the PNGs are committed.
 */
type Pixel = [number, number, number, number];

function png(size: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A key shape (licence) drawn in a unit square: a ring with a shaft and two teeth. */
function isKey(u: number, v: number): boolean {
  const dx = u - 0.3;
  const dy = v - 0.5;
  const r = Math.hypot(dx, dy);
  const ring = r < 0.2 && r > 0.1;
  const shaft = u > 0.45 && u < 0.88 && Math.abs(v - 0.5) < 0.05;
  const teeth = (u > 0.7 && u < 0.76 && v > 0.5 && v < 0.66) || (u > 0.8 && u < 0.86 && v > 0.5 && v < 0.62);
  return ring || shaft || teeth;
}

const color = png(192, (x, y) => {
  const inside = x >= 48 && x < 144 && y >= 48 && y < 144 && isKey((x - 48) / 96, (y - 48) / 96);
  return inside ? [255, 255, 255, 255] : [31, 94, 163, 255];
});
const outline = png(32, (x, y) => (isKey(x / 32, y / 32) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
writeFileSync(join(__dirname, 'color.png'), color);
writeFileSync(join(__dirname, 'outline.png'), outline);
console.log('wrote appPackage/color.png and appPackage/outline.png');
