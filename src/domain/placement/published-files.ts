import { byCodeUnits } from './code-unit-order';
import { publishedJson } from './canonical-json';
import type { PlacementApplicant, PlacementInput, PlacementSchool } from './input';
import type { PlacementResult } from './result';

export const inputsFormat = 'placement-inputs/1';
export const resultsFormat = 'placement-results/1';

/** The anonymised input file: application numbers, choices and tiers, schools and seats; no names, no ID numbers. */
export function inputsFile(input: PlacementInput): string {
  return publishedJson({
    format: inputsFormat,
    schools: [...input.schools].sort((a, b) => byCodeUnits(a.code, b.code)).map(({ code, seats }) => ({ code, seats })),
    applicants: [...input.applicants]
      .sort((a, b) => byCodeUnits(a.number, b.number))
      .map(({ number, choices }) => ({ number, choices: choices.map(({ school, tier }) => ({ school, tier })) })),
  });
}

/** The result file: the seed and the SHA-256 of the input file it was placed from, then the placement. */
export function resultsFile(result: PlacementResult, seed: string, inputsSha256: string): string {
  return publishedJson({ format: resultsFormat, seed, inputsSha256, ...result });
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads an input file; only the canonical form (exactly what `inputsFile` writes) is accepted. */
export function parseInputsFile(text: string): Parsed<PlacementInput> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: '输入文件不是有效的 JSON' };
  }
  if (!isRecord(raw) || raw.format !== inputsFormat) return { ok: false, message: `输入文件格式须为 ${inputsFormat}` };
  if (!Array.isArray(raw.schools) || !raw.schools.every(isSchool)) return { ok: false, message: '输入文件的 schools 格式不正确' };
  if (!Array.isArray(raw.applicants) || !raw.applicants.every(isApplicant))
    return { ok: false, message: '输入文件的 applicants 格式不正确' };
  const value: PlacementInput = { schools: raw.schools, applicants: raw.applicants };
  if (inputsFile(value) !== text) return { ok: false, message: '输入文件不是规范格式（键的顺序、排序、空白或多余字段与规范不符）' };
  return { ok: true, value };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSchool(value: unknown): value is PlacementSchool {
  return isRecord(value) && typeof value.code === 'string' && typeof value.seats === 'number';
}

function isApplicant(value: unknown): value is PlacementApplicant {
  return (
    isRecord(value) &&
    typeof value.number === 'string' &&
    Array.isArray(value.choices) &&
    value.choices.every((c) => isRecord(c) && typeof c.school === 'string' && typeof c.tier === 'number')
  );
}
