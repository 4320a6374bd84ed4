import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { isSealedFile, sealedFileMarker, type Vault, vaultKeyLabels, vaultSalt } from './vault';

const tagBytes = 16;

/**
 * The vault of `createVault` on Node's own crypto: the same keys (HKDF-SHA-256 of `DATA_KEY`, the same salt and
 * labels), the same formats and the same digests, so either host opens what the other sealed. Node's WebCrypto runs
 * each call as a job on its thread pool, at ~30 µs a call against ~2 µs here, and a submission makes several.
 */
export function createNodeVault(secret: string): Vault {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, vaultSalt, info, 32));
  const aes = derive(vaultKeyLabels.idNumbers);
  const blind = derive(vaultKeyLabels.blindIndex);
  const code = derive(vaultKeyLabels.signInCodes);
  const files = derive(vaultKeyLabels.documents);
  const hmac = async (key: Buffer, value: string) => createHmac('sha256', key).update(value).digest('base64url');
  const seal = (key: Buffer, iv: Buffer, plain: Uint8Array, context?: string) => {
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
    if (context !== undefined) cipher.setAAD(Buffer.from(context));
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  const open = (key: Buffer, iv: Uint8Array, sealed: Uint8Array, context?: string) => {
    // Only a whole 128-bit tag opens, as in WebCrypto: Node would also take a shorter one.
    if (sealed.length < tagBytes) throw new Error('vault: sealed data too short');
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
    if (context !== undefined) decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - tagBytes)), decipher.final()]);
  };

  return {
    async encrypt(plain) {
      const iv = randomBytes(12);
      return `v1.${iv.toString('base64url')}.${seal(aes, iv, Buffer.from(plain)).toString('base64url')}`;
    },
    async decrypt(sealed) {
      const [version, iv, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !data) throw new Error('vault: unknown ciphertext format');
      return open(aes, Buffer.from(iv, 'base64url'), Buffer.from(data, 'base64url')).toString('utf8');
    },
    blindIndex: (value) => hmac(blind, value),
    codeDigest: (value) => hmac(code, value),
    tokenDigest: async (token) => createHash('sha256').update(token).digest('base64url'),
    async sealFile(bytes, context) {
      const iv = randomBytes(12);
      return new Uint8Array(Buffer.concat([sealedFileMarker, iv, seal(files, iv, bytes, context)]));
    },
    async openFile(sealed, context) {
      if (!isSealedFile(sealed)) throw new Error('vault: not a sealed file');
      const iv = sealed.subarray(sealedFileMarker.length, sealedFileMarker.length + 12);
      return new Uint8Array(open(files, iv, sealed.subarray(sealedFileMarker.length + 12), context));
    },
  };
}
