import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every string a parent or a reviewer reads: the pages' dictionaries and the server's messages and notices. */
function sources(): { file: string; text: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && entry.name !== 'regions-gb2260.ts') files.push(path);
    }
  };
  for (const dir of ['web/src', 'src']) walk(dir);
  return files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

/** The string literals of a source file (single-quoted and template), without comments. */
const literals = (text: string) => [...text.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? '');

describe('one word per action', () => {
  const all = sources().flatMap(({ file, text }) => literals(text).map((literal) => ({ file, literal })));

  it('withdrawing is 撤回 everywhere (never 撤销)', () => {
    expect(all.filter((s) => s.literal.includes('撤销'))).toEqual([]);
  });

  it('confirming buttons say 确认…, saving buttons say 保存', () => {
    const dictionaries = sources().filter((s) => s.file.includes(join('web', 'src', 'i18n')));
    const pairs = dictionaries.flatMap(({ file, text }) =>
      [...text.matchAll(/^\s*(\w+): '([^']*)',$/gm)].map((m) => ({ file, key: m[1]!, value: m[2]! })),
    );
    expect(pairs.filter((p) => /^confirm[A-Z]?\w*$/.test(p.key) && !p.key.endsWith('Title') && !p.value.startsWith('确认'))).toEqual([]);
    expect(pairs.filter((p) => p.key === 'save' && p.value !== '保存')).toEqual([]);
  });

  it('no doubled full stop in any text', () => {
    expect(all.filter((s) => s.literal.includes('。。'))).toEqual([]);
  });
});
