/**
 * Uploaded documents (户口簿页, 身份证, 证明 …): which files are accepted, how big, how they are named and keyed.
 * The type is decided by the content (magic bytes) alone; the name and the browser's claimed type are never trusted.
 */

export const documentContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type DocumentContentType = (typeof documentContentTypes)[number];

/** 8 MiB: a scanned PDF fits; photos are compressed on the phone to well under 1 MiB first. */
export const maxDocumentBytes = 8 * 1024 * 1024;

/** At most this many files of one kind per application (e.g. both sides of a card, several booklet pages). */
export const maxDocumentsPerKind = 4;

/** Proofs of sibling priority (兄姐同校): allowed on every channel, in addition to the channel's own documents. */
export const siblingDocumentKinds = ['sibling-hukou', 'sibling-student-record'] as const;

export const documentMessages = {
  rejected: '仅支持 JPG、PNG、WebP 图片或 PDF 文件',
  empty: '文件是空的，请重新选择',
  tooLarge: `文件不能超过${maxDocumentBytes / 1024 / 1024}MB`,
  tooMany: `每类材料最多上传${maxDocumentsPerKind}个文件，请先删除或替换已上传的文件`,
} as const;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const jpeg = [0xff, 0xd8, 0xff];
const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const riff = ascii('RIFF');
const webp = ascii('WEBP');
const pdf = ascii('%PDF-');

/**
 * The document type the bytes are, by their signature: JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`,
 * WebP `RIFF····WEBP`, PDF `%PDF-`. Anything else (text, HTML, SVG, executables, other RIFF files) is null.
 */
export function sniffContentType(bytes: Uint8Array): DocumentContentType | null {
  if (startsWith(bytes, jpeg)) return 'image/jpeg';
  if (startsWith(bytes, png)) return 'image/png';
  if (startsWith(bytes, riff) && startsWith(bytes, webp, 8)) return 'image/webp';
  if (startsWith(bytes, pdf)) return 'application/pdf';
  return null;
}

const extensions: Record<DocumentContentType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};

export const maxFileNameLength = 80;

/** C0/C1 controls, and the format characters that can disguise a name (bidi overrides, zero widths, BOM). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The name shown for a document: the last path segment of what the phone sent, without control or bidi characters
 * or quotes, at most 80 characters, and ending in the extension of the type the content really is
 * (`scan.pdf` holding a PNG becomes `scan.png`). An empty name becomes `材料.<ext>`.
 */
export function sanitizeFileName(name: string, contentType: DocumentContentType): string {
  const ext = extensions[contentType];
  const lastSegment = name.split(/[\\/]/).pop() ?? '';
  let base = lastSegment
    .normalize('NFC')
    .replace(unsafeCharacters, '')
    .replace(/["<>|:*?]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  const dot = base.lastIndexOf('.');
  if (dot >= 0) {
    const given = base.slice(dot + 1).toLowerCase();
    base = base.slice(0, dot);
    if (ext.includes(given)) return finish(base, given);
  }
  return finish(base, ext[0]!);
}

function finish(base: string, ext: string): string {
  const cleaned = base.replace(/^[.\s]+|[.\s]+$/g, '');
  const room = maxFileNameLength - ext.length - 1;
  const chars = [...(cleaned || '材料')];
  return `${chars.slice(0, room).join('').trim() || '材料'}.${ext}`;
}

/**
 * Storage keys are random ids the server makes (new ones: `newId` twice, 200 bits). A store accepts only lowercase
 * base32 of 20–80 characters: no separators, no dots, so no key can name a path outside the store.
 */
export const storageKeyPattern = /^[a-z2-7]{20,80}$/;

export function isStorageKey(key: string): boolean {
  return storageKeyPattern.test(key);
}
