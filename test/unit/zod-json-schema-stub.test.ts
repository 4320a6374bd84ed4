import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as stub from '../../worker/zod-json-schema-stub';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const zodCore = join(projectDir, 'node_modules', 'zod', 'v4', 'core');
const aliased = ['../core/json-schema-processors.js', '../core/to-json-schema.js'];

function exportedNames(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const declared = [...text.matchAll(/^export (?:const|function|let|class) (\w+)/gm)].map((m) => m[1]!);
  const listed = [...text.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) =>
    m[1]!
      .split(',')
      .map(
        (part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .pop()!,
      )
      .filter(Boolean),
  );
  return [...declared, ...listed];
}

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return /\.(m?js)$/.test(name) ? [path] : [];
  });
}

/** wrangler.toml's `[alias]` swaps zod's JSON Schema modules for worker/zod-json-schema-stub.ts (decision 027). */
describe('the stub for zod’s JSON Schema generator in the Worker', () => {
  it('exports every name of the two zod modules it stands in for', () => {
    const names = [...exportedNames(join(zodCore, 'json-schema-processors.js')), ...exportedNames(join(zodCore, 'to-json-schema.js'))];
    expect(names.length).toBeGreaterThan(40);
    expect(Object.keys(stub).sort()).toEqual([...new Set(names)].sort());
  });

  it('replaces an import string that only zod uses among the Worker’s dependencies', () => {
    const dependencies = Object.keys(JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')).dependencies);
    const importers = dependencies
      .flatMap((name) => scripts(join(projectDir, 'node_modules', name)))
      .filter((file) => aliased.some((specifier) => readFileSync(file, 'utf8').includes(`"${specifier}"`)))
      .map((file) => file.slice(join(projectDir, 'node_modules').length + 1));
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !file.startsWith('zod/'))).toEqual([]);
  });

  it('fails loudly if anything asks it for a JSON Schema, and lets zod build its schemas', () => {
    expect(() => stub.toJSONSchema()).toThrow(/not in the Worker bundle/);
    expect(() => stub.createToJSONSchemaMethod()()).toThrow(/not in the Worker bundle/);
  });
});
