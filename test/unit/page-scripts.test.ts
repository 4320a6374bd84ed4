import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { largeTextScriptHash } from '../../src/api/page-scripts';

const shell = readFileSync(fileURLToPath(new URL('../../web/index.html', import.meta.url)), 'utf8');

describe("the page shell's inline script", () => {
  it('is the one the script policy allows by hash, so 长辈模式 applies before the first paint', () => {
    const inline = [...shell.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(1);
    expect(`'sha256-${createHash('sha256').update(inline[0]!).digest('base64')}'`).toBe(largeTextScriptHash);
  });
});
