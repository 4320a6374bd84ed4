/**
 * A ZIP archive of stored (uncompressed) entries with UTF-8 names: photos and PDFs are compressed already, and this
 * costs the Worker a few hundred bytes where a deflating library (fflate's `zipSync`) costs about 4 KiB gzip.
 * No ZIP64: every entry and the whole archive stay far below 4 GiB (documents are at most a few MiB each).
 */
const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Little-endian fields, each `[value, width in bytes]`, then the raw `tail`. */
function record(fields: [number, 2 | 4][], tail: Uint8Array = new Uint8Array()): Uint8Array {
  const size = fields.reduce((sum, [, width]) => sum + width, 0);
  const out = new Uint8Array(size + tail.length);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [value, width] of fields) {
    if (width === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += width;
  }
  out.set(tail, size);
  return out;
}

export function storedZip(entries: Record<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const nameBytes = new TextEncoder().encode(name);
    // version 2.0, flags: UTF-8 names, method: stored, time 00:00, date 1980-01-01, CRC, sizes, name, no extra field
    const common: [number, 2 | 4][] = [
      [20, 2],
      [0x0800, 2],
      [0, 2],
      [0, 2],
      [0x21, 2],
      [crc32(data), 4],
      [data.length, 4],
      [data.length, 4],
      [nameBytes.length, 2],
      [0, 2],
    ];
    const local = record([[0x04034b50, 4], ...common], nameBytes);
    // made by version 2.0, then no comment, disk 0, no attributes, the local header's offset
    centrals.push(record([[0x02014b50, 4], [20, 2], ...common, [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]], nameBytes));
    parts.push(local, data);
    offset += local.length + data.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const n = centrals.length;
  const end = record([
    [0x06054b50, 4],
    [0, 2],
    [0, 2],
    [n, 2],
    [n, 2],
    [centralSize, 4],
    [offset, 4],
    [0, 2],
  ]);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...parts, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
