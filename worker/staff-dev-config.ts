import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const staffConfig = fileURLToPath(new URL('./staff.wrangler.toml', import.meta.url));

/**
 * A copy of worker/staff.wrangler.toml for `wrangler dev` (tests, `npm run dev:worker`), written into `dir`, with
 * `vars` and the demo records on. `wrangler dev --config a --config b` gives `--var` and `--define` to the first
 * Worker only; the others read their own config, so the staff Worker's settings go into its copy.
 */
export function writeStaffDevConfig(dir: string, vars: Record<string, string>): string {
  const text = readFileSync(staffConfig, 'utf8')
    .replace(/^main = "staff\.ts"$/m, `main = ${JSON.stringify(fileURLToPath(new URL('./staff.ts', import.meta.url)))}`)
    .replace(/^DEMO_RECORDS = "false"$/m, 'DEMO_RECORDS = "true"')
    .replace(/^\[vars\]$[\s\S]*/m, '');
  if (!text.includes('DEMO_RECORDS = "true"') || text.includes('main = "staff.ts"')) {
    throw new Error('worker/staff.wrangler.toml changed shape: update writeStaffDevConfig');
  }
  const varLines = Object.entries(vars).map(([key, value]) => `${key} = ${JSON.stringify(value)}`);
  const path = join(dir, 'staff.wrangler.toml');
  writeFileSync(path, `${text}[vars]\n${varLines.join('\n')}\n`);
  return path;
}
