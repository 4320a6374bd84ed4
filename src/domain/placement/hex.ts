const digits = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** Lowercase hex, built from character codes in one step (a flat string: quick to compare and sort). */
export function hexOf(data: ArrayBuffer | Uint8Array): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const codes = new Array<number>(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    codes[2 * i] = digits[bytes[i]! >>> 4]!;
    codes[2 * i + 1] = digits[bytes[i]! & 15]!;
  }
  return String.fromCharCode(...codes);
}

/** The bytes of lowercase or uppercase hex of even length; null for anything else. */
export function bytesOfHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return hexOf(await crypto.subtle.digest('SHA-256', bytes));
}
