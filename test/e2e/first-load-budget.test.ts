import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../web/dist/', import.meta.url));
/** Issue 11: what a parent's phone downloads before the first page works, JS and CSS, gzip -9. */
const budget = 40_000;

describe("the parents' first load", () => {
  it(`stays within ${budget} bytes of JS and CSS (gzip -9), everything the built page references before it runs`, () => {
    const page = readFileSync(`${dist}index.html`, 'utf8');
    const assets = [...page.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js')) && assets.some((a) => a.endsWith('.css'))).toBe(true);
    const sizes = Object.fromEntries(assets.map((a) => [a, gzipSync(readFileSync(`${dist}${a}`), { level: 9 }).length]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(budget);
    expect(assets.filter((a) => /staff|pages-/.test(a))).toEqual([]);
  });
});
