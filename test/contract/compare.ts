import { isDeepStrictEqual } from 'node:util';
import type { Contract, ProcedureContract } from './describe';

export type ContractDifference = {
  added: string[];
  removed: string[];
  changed: { path: string; parts: ('type' | 'input' | 'output')[] }[];
};

/** What changed from the committed contract to the live one. */
export function compareContracts(committed: Contract, live: Contract): ContractDifference {
  const before = byPath(committed.procedures);
  const after = byPath(live.procedures);
  const added = [...after.keys()].filter((path) => !before.has(path));
  const removed = [...before.keys()].filter((path) => !after.has(path));
  const changed = [...after.keys()]
    .filter((path) => before.has(path))
    .map((path) => {
      const was = before.get(path)!;
      const now = after.get(path)!;
      const parts = (['type', 'input', 'output'] as const).filter((part) => !isDeepStrictEqual(was[part], now[part]));
      return { path, parts };
    })
    .filter((change) => change.parts.length > 0);
  return { added, removed, changed };
}

export function isUnchanged(difference: ContractDifference): boolean {
  return difference.added.length === 0 && difference.removed.length === 0 && difference.changed.length === 0;
}

/** A message for the developer whose change moved the contract, with the steps to accept it on purpose. */
export function differenceReport(difference: ContractDifference): string {
  const lines = ['The public API contract differs from docs/contract/procedures.json:'];
  for (const path of difference.added) lines.push(`  added procedure: ${path}`);
  for (const path of difference.removed) lines.push(`  removed procedure: ${path}`);
  for (const { path, parts } of difference.changed) lines.push(`  changed ${parts.join(', ')}: ${path}`);
  lines.push(...updateSteps);
  return lines.join('\n');
}

export const updateSteps = [
  'If the change is intended: run `npm run contract:update`, commit docs/contract/, and add the line it prints',
  '(`contract <hash>`) to CHANGELOG.md with what changed for integrators.',
];

function byPath(procedures: ProcedureContract[]): Map<string, ProcedureContract> {
  return new Map(procedures.map((procedure) => [procedure.path, procedure]));
}
