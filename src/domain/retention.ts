/**
 * Retention (issue 15, point 7): after a season's `retainUntil` its documents are deleted and its applications reduced
 * to what the bureau must keep.
 *
 * Kept (the record of who applied, where they were placed and how it was decided): the application's number, child
 * (the child's name and masked ID number stay on the child), account, season, entry, grade, track and channel, status,
 * first and second school chosen, each system check's claim and result, the rejection reason, every date, the history
 * of its transitions, the placements and school decisions (their own tables) and each objection's status and the
 * bureau's decision on it. Dropped: the form as typed (addresses, parents' details, sealed ID numbers), the sealed
 * secrets, the sibling's details, the community, the snapshot kept with a rejection, the authority records' values a
 * check rests on and its summary of them, checks still waiting to run, the family's reason for an objection, and every
 * document (rows and bytes).
 */

export interface RetentionFacts {
  retainUntil: Date | null;
  purgedAt: Date | null;
}

/** A season is due for the purge once its retention date is set and has passed, until the purge has finished. */
export function retentionDue(season: RetentionFacts, now: Date): boolean {
  return season.retainUntil !== null && season.purgedAt === null && season.retainUntil.getTime() <= now.getTime();
}

/** The columns of an application the purge empties; every other column is kept. */
export function reducedApplication() {
  return {
    form: {} as Record<string, unknown>,
    secrets: null,
    sibling: null,
    community: null,
    rejection: null,
  };
}

/** What a reduced check says instead of its summary of the authority records: its result only. */
export const reducedCheckSummaries = {
  pass: '核验通过（记录详情已按保存期限删除）',
  fail: '核验未通过（记录详情已按保存期限删除）',
  manual: '需人工核对（记录详情已按保存期限删除）',
} as const;

/** What a reduced objection says instead of the family's reason. */
export const reducedObjectionReason = '（异议内容已按保存期限删除）';

/** Applications reduced per sweep: a large county spreads its purge over several sweeps. */
export const retentionBatchSize = 500;

/** Why a retention date is refused, or null: it may not be moved once the purge has run, nor lie in the past. */
export function retentionDateProblem(season: RetentionFacts, retainUntil: Date | null, now: Date): string | null {
  if (season.purgedAt !== null) return '该招生季的材料已按保存期限清理，不能再修改保存期限';
  if (retainUntil !== null && retainUntil.getTime() <= now.getTime()) return '保存期限须晚于当前时间';
  return null;
}
