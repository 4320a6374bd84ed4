import { sha256Hex } from './hex';
import { type Mechanism, placementInputProblem } from './input';
import { seedPattern } from './lottery';
import { placeWithSeed } from './place';
import { parseInputsFile, resultsFile } from './published-files';

export interface PublishedPlacement {
  inputsText: string;
  seed: string;
  mechanism: Mechanism;
  resultsText: string;
}

/** The first line where the published results differ from the recomputed ones (1-based); a missing line is null. */
export interface FirstDifference {
  line: number;
  expected: string | null;
  published: string | null;
}

export type Verification =
  | { identical: true; inputsSha256: string; resultsSha256: string }
  | { identical: false; inputsSha256: string; resultsSha256: string; problem: string; firstDifference: FirstDifference | null };

/** Recomputes the placement from the published input file and seed and compares the result file byte for byte. */
export async function verifyPublished(published: PublishedPlacement): Promise<Verification> {
  const inputsSha256 = await sha256Hex(published.inputsText);
  const resultsSha256 = await sha256Hex(published.resultsText);
  const refused = (problem: string) => ({ identical: false as const, inputsSha256, resultsSha256, problem, firstDifference: null });
  if (!seedPattern.test(published.seed)) return refused('种子须为 64 位小写十六进制');
  const inputs = parseInputsFile(published.inputsText);
  if (!inputs.ok) return refused(inputs.message);
  const problem = placementInputProblem(inputs.value);
  if (problem) return refused(problem);
  const result = placeWithSeed(inputs.value, published.seed, published.mechanism);
  const expected = resultsFile(result, published.seed, inputsSha256);
  if (expected === published.resultsText) return { identical: true, inputsSha256, resultsSha256 };
  return {
    identical: false,
    inputsSha256,
    resultsSha256,
    problem: '重新计算的结果与公布的结果文件不一致',
    firstDifference: firstDifference(expected, published.resultsText),
  };
}

export function firstDifference(expected: string, published: string): FirstDifference | null {
  const want = expected.split('\n');
  const got = published.split('\n');
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) return { line: i + 1, expected: want[i] ?? null, published: got[i] ?? null };
  }
  return null;
}
