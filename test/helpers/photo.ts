import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A real RGB PNG, `width`×`height`, as a phone camera would hand it over before compression: a paper-like page with
 * stripes of "text" and some noise, so it does not compress to nothing. `seed` varies the picture.
 */
export function photoPng(width: number, height: number, seed = 1): Buffer {
  const rows: Buffer[] = [];
  let noise = seed * 7919;
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    const line = Math.floor(y / 24) % 3 === 0 && y % 24 < 10;
    for (let x = 0; x < width; x++) {
      noise = (noise * 1103515245 + 12345) & 0x7fffffff;
      const grain = (noise >> 16) % 12;
      const ink = line && x > width * 0.1 && x < width * (0.5 + ((y * seed) % 40) / 100) && (x >> 4) % 5 !== 0;
      const base = ink ? 40 : 235 - Math.floor(((x + y) / (width + height)) * 30);
      const i = 1 + x * 3;
      row[i] = Math.max(0, base - grain);
      row[i + 1] = Math.max(0, base - grain + (ink ? 0 : 4));
      row[i + 2] = Math.max(0, base - grain + (ink ? 20 : -6));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Width and height of a baseline or progressive JPEG, from its SOF marker. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (bytes[i + 5]! << 8) | bytes[i + 6]!, width: (bytes[i + 7]! << 8) | bytes[i + 8]! };
    }
    i += 2 + length;
  }
  return null;
}
