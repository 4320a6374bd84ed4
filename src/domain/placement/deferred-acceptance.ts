import { maxChoices } from './input';
import type { Assignment, PreparedPlacement } from './prepared';
import { WorstFirstHeap } from './worst-first-heap';

/**
 * Student-proposing deferred acceptance: each unplaced applicant proposes to its next choice; the school keeps the
 * best applications up to its seats and lets the worst go, who propose again. Holding is tentative until nobody is
 * left to propose. The result is the student-optimal stable matching, which does not depend on the proposal order.
 */
export function deferredAcceptance(p: PreparedPlacement): Assignment {
  const n = p.choiceCount.length;
  const placedAt = new Int32Array(n).fill(-1);
  const reached = new Uint8Array(n);
  const held = Array.from(p.seats, (seats) => new WorstFirstHeap(seats));
  const free = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
  let freeCount = n;
  const freed: number[] = [];

  while (freeCount > 0 || freed.length > 0) {
    const i = freed.length > 0 ? freed.pop()! : free[--freeCount]!;
    const k = reached[i]!;
    if (k >= p.choiceCount[i]!) continue;
    reached[i] = k + 1;
    const school = p.choiceSchool[i * maxChoices + k]!;
    const key = p.choiceKey[i * maxChoices + k]!;
    const heap = held[school]!;
    if (heap.size < p.seats[school]!) {
      heap.push(i, key);
      placedAt[i] = school;
    } else if (heap.size > 0 && key < heap.worstKey()) {
      const displaced = heap.replaceWorst(i, key);
      placedAt[i] = school;
      placedAt[displaced] = -1;
      freed.push(displaced);
    } else {
      freed.push(i);
    }
  }
  return { placedAt, reached };
}
