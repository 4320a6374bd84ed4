/**
 * Tiny but real documents for upload tests, kept as text (no binary files in the repository). The images are 1×1
 * pictures encoded by libvips (sharp) once and pasted here; the PDF is built with a correct cross-reference table.
 */

const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** 1×1 PNG, 90 bytes. */
export const samplePng = fromBase64(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAADElEQVR42mPQqnoEAAJYAYfhuPkGAAAAAElFTkSuQmCC',
);

/** 1×1 baseline JPEG, 269 bytes. */
export const sampleJpeg = fromBase64(
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYa' +
    'KCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAA' +
    'AAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABgf/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCOApQQ/9k=',
);

/** 1×1 lossless WebP, 38 bytes. */
export const sampleWebp = fromBase64('UklGRh4AAABXRUJQVlA4TBEAAAAvAAAAAAdQvapUvP+BiOh/AAA=');

/** A one-page PDF (A4, empty) with a byte-exact xref table. */
export const samplePdf = buildPdf();

function buildPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** Plain text, whatever it is named. */
export const sampleText = new TextEncoder().encode('这不是图片，只是一段文字。\n');

/** `size` bytes that begin like a PNG: for size limits (the content check passes, only the size is wrong). */
export function pngOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(samplePng.subarray(0, Math.min(size, samplePng.length)));
  return bytes;
}

export const samples = [
  { name: '户口簿.jpg', type: 'image/jpeg', bytes: sampleJpeg },
  { name: 'hukou.png', type: 'image/png', bytes: samplePng },
  { name: '身份证 正面.webp', type: 'image/webp', bytes: sampleWebp },
  { name: '证明.pdf', type: 'application/pdf', bytes: samplePdf },
] as const;
