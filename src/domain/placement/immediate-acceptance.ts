import { maxChoices } from './input';
import type { Assignment, PreparedPlacement } from './prepared';

/**
 * 志愿优先 (immediate acceptance): in round k every applicant still unplaced applies to its k-th choice, and each
 * school admits the best of them for good, up to the seats it has left. A school's first-choice applicants thus come
 * before all its second-choice applicants, whatever their tiers.
 */
export function immediateAcceptance(p: PreparedPlacement): Assignment {
  const n = p.choiceCount.length;
  const placedAt = new Int32Array(n).fill(-1);
  const reached = new Uint8Array(n);
  const left = Int32Array.from(p.seats);

  for (let k = 0; k < maxChoices; k++) {
    const candidates: number[] = [];
    for (let i = 0; i < n; i++) {
      if (placedAt[i] !== -1 || k >= p.choiceCount[i]!) continue;
      reached[i] = k + 1;
      candidates.push(i);
    }
    candidates.sort((a, b) => p.choiceKey[a * maxChoices + k]! - p.choiceKey[b * maxChoices + k]!);
    for (const i of candidates) {
      const school = p.choiceSchool[i * maxChoices + k]!;
      if (left[school]! > 0) {
        left[school]!--;
        placedAt[i] = school;
      }
    }
  }
  return { placedAt, reached };
}
