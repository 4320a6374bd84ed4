import type { RandomSource } from '../domain/random';

/**
 * Protection of personal data at rest, on WebCrypto (Workers and Node alike). One secret (`DATA_KEY`) yields,
 * through HKDF, separate keys for encrypting ID numbers (AES-256-GCM), their blind index (HMAC-SHA-256), the
 * HMAC of sign-in codes and encrypting uploaded documents (AES-256-GCM), so no key serves two purposes.
 */
export interface Vault {
  /** `v1.<iv>.<ciphertext>` in base64url; a fresh random IV each time. */
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
  /** Deterministic keyed digest of an ID number: equal numbers, equal index; reveals nothing without the key. */
  blindIndex(value: string): Promise<string>;
  /** Keyed digest of a one-time code bound to its phone and purpose. */
  codeDigest(value: string): Promise<string>;
  /** `sha256` of a random token (a session's, an integration key's secret): what its row stores. */
  tokenDigest(token: string): Promise<string>;
  /**
   * An uploaded document's bytes sealed with AES-256-GCM under the document key, a fresh random 96-bit nonce per
   * call, and `context` (the storage key) as additional data, so sealed bytes only open under the key they were
   * stored at: `sealedFileMarker` ‖ nonce ‖ ciphertext and tag.
   */
  sealFile(bytes: Uint8Array, context: string): Promise<Uint8Array>;
  /** The bytes `sealFile` sealed under the same `context`; rejects if they were changed or moved. */
  openFile(sealed: Uint8Array, context: string): Promise<Uint8Array>;
}

/** The first bytes of a sealed document. No accepted upload starts so (PDF, JPEG, PNG and WebP all start otherwise). */
export const sealedFileMarker = new Uint8Array([0x00, 0x65, 0x6e, 0x63, 0x00, 0x01]); // "\0enc\0" + version 1

/** Whether stored bytes are a sealed document (otherwise: plain bytes stored before documents were encrypted). */
export function isSealedFile(bytes: Uint8Array): boolean {
  return bytes.length > sealedFileMarker.length + 12 && sealedFileMarker.every((b, i) => bytes[i] === b);
}

const encoder = new TextEncoder();

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** SHA-256 in base64url: for session tokens, which are random 256-bit values and need no key. */
export async function sha256(value: string): Promise<string> {
  return base64url(await crypto.subtle.digest('SHA-256', encoder.encode(value)));
}

/** 32 random bytes of `random` in base64url: a session token. */
export function randomToken(random: RandomSource): string {
  return base64url(random.bytes(32));
}

/** HKDF's salt and the label of each key `DATA_KEY` yields: the same on every host, or one host cannot open another's. */
export const vaultSalt = 'enrollment-platform';
export const vaultKeyLabels = {
  idNumbers: 'id-number-encryption-v1',
  blindIndex: 'id-number-blind-index-v1',
  signInCodes: 'sign-in-code-v1',
  documents: 'document-encryption-v1',
} as const;

export async function createVault(secret: string): Promise<Vault> {
  const master = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  const derive = (info: string, algorithm: Parameters<SubtleCrypto['deriveKey']>[2], usages: Parameters<SubtleCrypto['deriveKey']>[4]) =>
    crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(vaultSalt), info: encoder.encode(info) },
      master,
      algorithm,
      false,
      usages,
    );
  const aes = await derive(vaultKeyLabels.idNumbers, { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']);
  const blind = await derive(vaultKeyLabels.blindIndex, { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']);
  const code = await derive(vaultKeyLabels.signInCodes, { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']);
  const files = await derive(vaultKeyLabels.documents, { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']);
  const hmac = async (key: CryptoKey, value: string) => base64url(await crypto.subtle.sign('HMAC', key, encoder.encode(value)));

  return {
    async encrypt(plain) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, encoder.encode(plain));
      return `v1.${base64url(iv)}.${base64url(sealed)}`;
    },
    async decrypt(sealed) {
      const [version, iv, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !data) throw new Error('vault: unknown ciphertext format');
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64url(iv) }, aes, fromBase64url(data));
      return new TextDecoder().decode(plain);
    },
    blindIndex: (value) => hmac(blind, value),
    codeDigest: (value) => hmac(code, value),
    tokenDigest: sha256,
    async sealFile(bytes, context) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = new Uint8Array(
        await crypto.subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
          files,
          bytes as Uint8Array<ArrayBuffer>,
        ),
      );
      const out = new Uint8Array(sealedFileMarker.length + iv.length + sealed.length);
      out.set(sealedFileMarker, 0);
      out.set(iv, sealedFileMarker.length);
      out.set(sealed, sealedFileMarker.length + iv.length);
      return out;
    },
    async openFile(sealed, context) {
      if (!isSealedFile(sealed)) throw new Error('vault: not a sealed file');
      const iv = sealed.slice(sealedFileMarker.length, sealedFileMarker.length + 12);
      const data = sealed.slice(sealedFileMarker.length + 12);
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, files, data));
    },
  };
}
