import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Contract } from './describe';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

export const snapshotFile = `${projectDir}docs/contract/procedures.json`;
export const hashFile = `${projectDir}docs/contract/procedures.json.sha256`;
export const changelogFile = `${projectDir}CHANGELOG.md`;

/** The snapshot before Biome formats it (the update script runs Biome on the file). */
export function snapshotText(contract: Contract): string {
  return `${JSON.stringify(contract, null, 2)}\n`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** In `sha256sum`'s format, so `sha256sum -c` in docs/contract/ checks it. */
export function hashFileText(hash: string): string {
  return `${hash}  procedures.json\n`;
}

/** The line CHANGELOG.md must hold for the snapshot with this hash. */
export function changelogLine(hash: string): string {
  return `contract ${hash.slice(0, 8)}`;
}

export function changelogNames(changelog: string, hash: string): boolean {
  return changelog.includes(changelogLine(hash));
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
