import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { placementDraws, placements } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { ownApplication } from '../applications/load';
import { rowExists } from '../../../db/exists';
import { auditStatement } from '../audit';
import { holdingLockOf, releaseStatement } from '../property-locks';
import { drawColumns } from './draw';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;

/**
 * 确认入学: the family takes its seat, or gives it up (the seat then returns for the second round or 统筹安排), once
 * and before the deadline of the latest published round. Giving up a round-1 seat, it may ask to take part in the
 * second round (never back at the school it gave up). Guarded on the answer still being open, audited.
 */
export async function confirmSeat(
  deps: Deps,
  accountId: string,
  input: { applicationId: string; accept: boolean; secondRound?: boolean | undefined },
) {
  const { db } = deps;
  const now = deps.clock.now();
  await ownApplication(db, accountId, input.applicationId);
  const [row] = await db
    .select({ placement: placements, draw: drawColumns })
    .from(placements)
    .innerJoin(placementDraws, eq(placementDraws.id, placements.drawId))
    .where(and(eq(placements.applicationId, input.applicationId), isNotNull(placementDraws.publishedAt)))
    .orderBy(desc(placementDraws.round))
    .limit(1);
  if (!row?.placement.schoolId) throw new DomainError('SEAT_NOT_OFFERED', '没有待确认的录取学位');
  if (!row.draw.confirmBy || row.draw.confirmBy.getTime() <= now.getTime()) throw new DomainError('SEAT_CLOSED', '确认入学的期限已过');
  const answer = input.accept ? ('confirmed' as const) : ('declined' as const);
  const secondRound = !input.accept && input.secondRound === true;
  if (secondRound && row.draw.round !== 1) throw new DomainError('SEAT_CLOSED', '第二轮派位的学位放弃后不再派位，将由教育局统筹安排');
  // 一房一位: giving the seat up frees the property it locked.
  const lock = input.accept ? null : await holdingLockOf(db, input.applicationId, now);
  const open = and(eq(placements.drawId, row.draw.id), eq(placements.applicationId, input.applicationId), isNull(placements.confirmation));
  const mine = rowExists(
    placements,
    eq(placements.drawId, row.draw.id),
    eq(placements.applicationId, input.applicationId),
    eq(placements.confirmation, answer),
    eq(placements.confirmedAt, now),
  );
  const [, updated] = await db.batch([
    auditStatement(
      db,
      {
        staffId: null,
        username: 'parent',
        action: input.accept ? 'seat_confirm' : 'seat_decline',
        applicationId: input.applicationId,
        detail: {
          drawId: row.draw.id,
          schoolId: row.placement.schoolId,
          ...(secondRound ? { secondRound } : {}),
          ...(lock ? { releasedPropertyLock: lock.id } : {}),
        },
        ip: null,
        requestId: null,
        at: now,
      },
      sql`EXISTS (SELECT 1 FROM ${placements} WHERE ${open})`,
    ),
    db
      .update(placements)
      .set({ confirmation: answer, confirmedAt: now, ...(secondRound ? { secondRoundRequestedAt: now } : {}) })
      .where(open)
      .returning({ id: placements.applicationId }),
    ...(lock ? [releaseStatement(db, lock.id, now, mine)] : []),
  ]);
  if (updated.length === 0) throw new DomainError('SEAT_ANSWERED', '您已经答复过，不能更改');
  return { confirmation: answer };
}
