import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { appRouter } from '../../src/api/router';
import { describeProcedures, type ProcedureDef } from './describe';
import { changelogLine, hashFile, hashFileText, readText, sha256, snapshotFile, snapshotText } from './snapshot';

/** `npm run contract:update`: rewrites docs/contract/ from the live router; a person writes the changelog line. */
writeFileSync(snapshotFile, snapshotText(describeProcedures(appRouter._def.procedures as unknown as Record<string, ProcedureDef>)));
// Formatted as `npm run lint` wants it, so the hash names the file as committed.
execFileSync('npx', ['biome', 'format', '--write', snapshotFile], { stdio: 'inherit' });
const hash = sha256(readText(snapshotFile));
writeFileSync(hashFile, hashFileText(hash));
console.log(`Wrote docs/contract/procedures.json (sha256 ${hash}).`);
console.log('Add this line to CHANGELOG.md, under today’s entry, saying what changed for integrators:');
console.log(`  ${changelogLine(hash)}`);
