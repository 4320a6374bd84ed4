import { describe, expect, it } from 'vitest';
import { isStorageKey, maxDocumentBytes, maxFileNameLength, sanitizeFileName, sniffContentType } from '../../src/domain/file-types';
import { randomId } from '../../src/adapters/random';
import { sampleJpeg, samplePdf, samplePng, sampleText, sampleWebp } from '../helpers/sample-files';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('sniffContentType: the type is what the bytes are', () => {
  it('recognises real JPEG, PNG, WebP and PDF files', () => {
    expect(sniffContentType(sampleJpeg)).toBe('image/jpeg');
    expect(sniffContentType(samplePng)).toBe('image/png');
    expect(sniffContentType(sampleWebp)).toBe('image/webp');
    expect(sniffContentType(samplePdf)).toBe('application/pdf');
  });

  it('needs no more than each signature', () => {
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff))).toBe('image/jpeg');
    expect(sniffContentType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffContentType(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).toBe('image/webp');
    expect(sniffContentType(bytes('%PDF-'))).toBe('application/pdf');
  });

  it('refuses signatures cut short by even one byte', () => {
    expect(sniffContentType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffContentType(samplePng.subarray(0, 7))).toBeNull();
    expect(sniffContentType(bytes('RIFF', 0, 0, 0, 0, 'WEB'))).toBeNull();
    expect(sniffContentType(bytes('%PDF'))).toBeNull();
  });

  it('refuses nothing at all, text, HTML, SVG and look-alikes', () => {
    expect(sniffContentType(new Uint8Array())).toBeNull();
    expect(sniffContentType(sampleText)).toBeNull();
    expect(sniffContentType(bytes('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffContentType(bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeNull();
    expect(sniffContentType(bytes('RIFF', 0, 0, 0, 0, 'WAVE', 'fmt '))).toBeNull();
    expect(sniffContentType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0b))).toBeNull();
    expect(sniffContentType(bytes(' %PDF-1.7'))).toBeNull();
    expect(sniffContentType(bytes('GIF89a'))).toBeNull();
    expect(sniffContentType(bytes('MZ', 0x90, 0))).toBeNull();
  });

  it('does not care what comes after the signature', () => {
    const tail = new Uint8Array(1024).fill(0x3c);
    expect(sniffContentType(new Uint8Array([...samplePng, ...tail]))).toBe('image/png');
  });

  it('allows 8 MiB per document', () => {
    expect(maxDocumentBytes).toBe(8 * 1024 * 1024);
  });
});

describe('sanitizeFileName: a name is shown, never trusted', () => {
  it('keeps an ordinary name whose extension fits the content', () => {
    expect(sanitizeFileName('户口簿第一页.jpg', 'image/jpeg')).toBe('户口簿第一页.jpg');
    expect(sanitizeFileName('IMG_0001.JPEG', 'image/jpeg')).toBe('IMG_0001.jpeg');
    expect(sanitizeFileName('scan.pdf', 'application/pdf')).toBe('scan.pdf');
  });

  it('gives the extension of what the content really is', () => {
    expect(sanitizeFileName('scan.pdf', 'image/png')).toBe('scan.png');
    expect(sanitizeFileName('page.html', 'image/webp')).toBe('page.webp');
    expect(sanitizeFileName('证明', 'application/pdf')).toBe('证明.pdf');
  });

  it('drops folders, both kinds of slashes', () => {
    expect(sanitizeFileName('../../etc/passwd.png', 'image/png')).toBe('passwd.png');
    expect(sanitizeFileName('C:\\Users\\张三\\Desktop\\身份证.jpg', 'image/jpeg')).toBe('身份证.jpg');
  });

  it('removes control, bidi and zero-width characters and quotes', () => {
    expect(sanitizeFileName('a\u0000b\r\nc.png', 'image/png')).toBe('abc.png');
    expect(sanitizeFileName('invoice\u202Egnp.exe', 'image/png')).toBe('invoicegnp.png');
    expect(sanitizeFileName('zero\u200Bwidth.png', 'image/png')).toBe('zerowidth.png');
    expect(sanitizeFileName('say "hi" <b>.png', 'image/png')).toBe('say _hi_ _b_.png');
  });

  it('names a nameless file 材料', () => {
    expect(sanitizeFileName('', 'image/jpeg')).toBe('材料.jpg');
    expect(sanitizeFileName('   ', 'image/png')).toBe('材料.png');
    expect(sanitizeFileName('.png', 'image/png')).toBe('材料.png');
    expect(sanitizeFileName('...', 'application/pdf')).toBe('材料.pdf');
    expect(sanitizeFileName('dir/', 'image/webp')).toBe('材料.webp');
  });

  it('keeps at most 80 characters, the extension included', () => {
    const long = sanitizeFileName(`${'长'.repeat(200)}.jpeg`, 'image/jpeg');
    expect([...long].length).toBe(maxFileNameLength);
    expect(long.endsWith('长.jpeg')).toBe(true);
    const emoji = sanitizeFileName(`${'📄'.repeat(100)}.pdf`, 'application/pdf');
    expect([...emoji].length).toBe(maxFileNameLength);
    expect(emoji.endsWith('📄.pdf')).toBe(true);
  });
});

describe('storage keys', () => {
  it('accepts only the keys the server makes', () => {
    expect(isStorageKey(randomId() + randomId())).toBe(true);
    expect(isStorageKey(randomId())).toBe(true);
    for (const key of [
      '',
      randomId().slice(1),
      '../etc/passwd',
      `${randomId()}/${randomId()}`,
      `${randomId()}.${randomId()}`,
      (randomId() + randomId()).toUpperCase(),
      `${randomId() + randomId()}\n`,
      'a'.repeat(81),
    ]) {
      expect(isStorageKey(key), key).toBe(false);
    }
  });
});
