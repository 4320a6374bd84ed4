import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a file names in `import … from`, `export … from`, `import '…'` and `import('…')`, as a repository path or a package name. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [
    ...text.matchAll(
      /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm,
    ),
  ].map((m) => (m[1] ?? m[2] ?? m[3])!);
  return specifiers.map((s) => (s.startsWith('.') ? relative(root, resolve(root, dirname(file), s)) : s));
}

/** The repository files a file loads when it is loaded: value imports only (no `import type`, no `import()`). */
function staticImportsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [
    ...text.matchAll(
      /(?:^|[\s;])(?:import|export)\s+(?!type\s)[^'"`;]*?from\s*['"](\.[^'"]+)['"]|(?:^|[\s;])import\s*['"](\.[^'"]+)['"]/gm,
    ),
  ]
    .map((m) => relative(root, resolve(root, dirname(file), (m[1] ?? m[2])!)))
    .map(
      (path) =>
        ['.ts', '.tsx', '/index.ts', '']
          .map((ext) => path + ext)
          .find((candidate) => existsSync(join(root, candidate)) && /\.tsx?$/.test(candidate))!,
    )
    .filter(Boolean);
}

function loadedAtStart(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    staticImportsOf(file).forEach(visit);
  };
  visit(entry);
  return seen;
}

function arrows(dir: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((target) => `${file} → ${target}`),
  );
}

describe('the import graph', () => {
  it('reads the arrows it checks', () => {
    expect(importsOf('src/services/applications/start.ts')).toContain('src/domain/ids');
    expect(importsOf('src/services/applications/start.ts')).toContain('drizzle-orm');
    expect(sourceFiles('src/domain').length).toBeGreaterThan(10);
  });

  it('has no arrow from src/services to src/api or src/schemas (dependencies come from src/deps.ts, input arrives parsed)', () => {
    expect(arrows('src/services', (target) => /^src\/(api|schemas)(\/|$)/.test(target))).toEqual([]);
  });

  it('has no arrow from src/domain to anything impure: the database, adapters, services, the API, schemas, node:*, drizzle', () => {
    const impure = (target: string) =>
      /^(db|src\/(adapters|services|api|schemas|deps|app|client))(\/|$)/.test(target) ||
      target.startsWith('node:') ||
      target.startsWith('drizzle') ||
      target.startsWith('@libsql') ||
      (!target.startsWith('src/') && !target.startsWith('.'));
    expect(arrows('src/domain', impure)).toEqual([]);
  });

  it('reaches the demo records dataset from neither host at start: it loads on the first question with RECORDS_PROVIDER=local', () => {
    for (const host of ['worker/index.ts', 'worker/node.ts']) {
      const loaded = loadedAtStart(host);
      expect(loaded.has('src/adapters/records-from-config.ts'), host).toBe(true);
      expect(loaded.has('src/adapters/records-dataset.ts'), host).toBe(false);
      expect(loaded.has('src/adapters/records-local.ts'), host).toBe(false);
    }
  });

  it('keeps the spreadsheet reader out of both hosts: only src/import names its libraries, and nothing in src imports src/import', () => {
    const spreadsheets = /^(read-excel-file|write-excel-file|papaparse|fflate)(\/|$)/;
    const outside = ['src', 'worker', 'db', 'web/src'].flatMap((dir) =>
      arrows(dir, (target) => spreadsheets.test(target)).filter((arrow) => !arrow.startsWith('src/import/')),
    );
    expect(outside).toEqual([]);
    const intoImport = arrows('src', (target) => target.startsWith('src/import/')).filter((arrow) => !arrow.startsWith('src/import/'));
    expect(intoImport).toEqual([]);
  });

  it('takes zod by namespace or by name, never `import { z }`, which would carry every locale zod ships (decision 024)', () => {
    const namesZ = (text: string) =>
      [...text.matchAll(/^import\s*\{([^}]*)\}\s*from\s*['"]zod['"]/gm)].some((m) => m[1]!.split(',').some((name) => name.trim() === 'z'));
    const whole = ['src', 'worker', 'db'].flatMap(sourceFiles).filter((file) => namesZ(readFileSync(join(root, file), 'utf8')));
    expect(whole).toEqual([]);
  });
});
