/**
 * 删除草稿: a parent may throw away an application that was never submitted (e.g. started in the wrong entry), with
 * what was uploaded for it, so the child can be registered in the right entry. Anything submitted stays: it has a
 * number, a history and perhaps a decision.
 */
import { type Refusal, refuse, type RowGuard } from './application';
import type { ApplicationStatus } from './application-status';

export interface DiscardState {
  status: ApplicationStatus;
  version: number;
}

export type DiscardDecision = Refusal | { ok: true; guard: Required<Pick<RowGuard, 'version' | 'status'>> };

export function decideDiscardDraft(s: DiscardState): DiscardDecision {
  if (s.status !== 'draft') return refuse('APPLICATION_LOCKED', '只能删除从未提交的报名草稿');
  return { ok: true, guard: { version: s.version, status: 'draft' } };
}
