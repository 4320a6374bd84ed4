import { describe, expect, it } from 'vitest';
import { createVault, sha256 } from '../../src/adapters/vault';
import { createNodeVault } from '../../src/adapters/vault-node';

const secret = 'a-data-key-for-this-test-only-0123456789';

describe("the Node host's vault on Node's own crypto", () => {
  it('gives the same digests as the WebCrypto vault: blind index, sign-in code digest and token digest', async () => {
    const [web, node] = [await createVault(secret), createNodeVault(secret)];
    for (const value of ['430922201801011234', '13800138000|sign_in|123456', '中文 and symbols +/=']) {
      expect(await node.blindIndex(value)).toBe(await web.blindIndex(value));
      expect(await node.codeDigest(value)).toBe(await web.codeDigest(value));
      expect(await node.tokenDigest(value)).toBe(await web.tokenDigest(value));
      expect(await node.tokenDigest(value)).toBe(await sha256(value));
    }
    expect(await createNodeVault('another-key-entirely-0123456789').blindIndex('x')).not.toBe(await node.blindIndex('x'));
  });

  it('opens what the WebCrypto vault sealed and the other way round, ID numbers and documents alike', async () => {
    const [web, node] = [await createVault(secret), createNodeVault(secret)];
    const id = '43092220180101123X';
    expect(await node.decrypt(await web.encrypt(id))).toBe(id);
    expect(await web.decrypt(await node.encrypt(id))).toBe(id);
    const sealedTwice = [await node.encrypt(id), await node.encrypt(id)];
    expect(sealedTwice[0]).not.toBe(sealedTwice[1]);

    const bytes = new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    expect(await node.openFile(await web.sealFile(bytes, 'documents/a'), 'documents/a')).toEqual(bytes);
    expect(await web.openFile(await node.sealFile(bytes, 'documents/a'), 'documents/a')).toEqual(bytes);
  });

  it('refuses a document moved to another key or changed, and a ciphertext it does not know', async () => {
    const node = createNodeVault(secret);
    const sealed = await node.sealFile(new Uint8Array([1, 2, 3, 4]), 'documents/a');
    await expect(node.openFile(sealed, 'documents/b')).rejects.toThrow();
    const changed = sealed.slice();
    changed[changed.length - 1]! ^= 1;
    await expect(node.openFile(changed, 'documents/a')).rejects.toThrow();
    await expect(node.openFile(new Uint8Array([1, 2, 3]), 'documents/a')).rejects.toThrow(/not a sealed file/);
    await expect(node.decrypt('v2.abc.def')).rejects.toThrow(/unknown ciphertext format/);
    const [version, iv, data] = (await node.encrypt('x')).split('.');
    await expect(node.decrypt(`${version}.${iv}.${data!.slice(0, -2)}AA`)).rejects.toThrow();
    // A tag cut short never opens (Node takes a 4-byte GCM tag unless told the length: forged in 2³² tries).
    const [, emptyIv, emptyTag] = (await node.encrypt('')).split('.');
    const shortTag = Buffer.from(emptyTag!, 'base64url').subarray(0, 4).toString('base64url');
    await expect(node.decrypt(`v1.${emptyIv}.${shortTag}`)).rejects.toThrow();
    const emptyFile = await node.sealFile(new Uint8Array(0), 'documents/a');
    await expect(node.openFile(emptyFile.subarray(0, emptyFile.length - 12), 'documents/a')).rejects.toThrow();
  });
});
