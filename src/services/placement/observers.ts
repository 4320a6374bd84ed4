import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rowExists } from '../../../db/exists';
import { entries, lotteryObservers, windows } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { revealMatches } from '../../domain/placement/lottery';
import { lotteryPhase } from '../../domain/placement/rules-change';
import { seasonOf } from '../admin/seasons';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

/** When each window of the season closes. */
export function seasonWindows(db: Db, seasonId: string) {
  return db
    .select({ closesAt: windows.closesAt })
    .from(windows)
    .innerJoin(entries, eq(entries.id, windows.entryId))
    .where(eq(entries.seasonId, seasonId));
}

async function phaseOf(db: Db, seasonId: string, now: Date) {
  return lotteryPhase(await seasonWindows(db, seasonId), now);
}

/** A season's lottery observers: each commitment with its time, and each contribution once revealed. */
export async function listObservers(db: Db, seasonId: string, now: Date) {
  const season = await seasonOf(db, seasonId);
  const rows = await db
    .select()
    .from(lotteryObservers)
    .where(eq(lotteryObservers.seasonId, season.id))
    .orderBy(asc(lotteryObservers.committedAt));
  return {
    seasonId: season.id,
    phase: await phaseOf(db, season.id, now),
    observers: rows.map((o) => ({
      id: o.id,
      name: o.name,
      role: o.role,
      commitment: o.commitment,
      committedAt: o.committedAt.toISOString(),
      contribution: o.contribution,
      revealedAt: o.revealedAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Records an observer's commitment (the SHA-256 of a secret only the observer knows) while no window of the season has
 * closed: nobody can know the seed while applications can still change. One name per season; audited.
 */
export async function recordCommitment(
  deps: Deps,
  admin: SignedInStaff,
  input: { seasonId: string; name: string; role: string; commitment: string },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const season = await seasonOf(db, input.seasonId);
  if ((await phaseOf(db, season.id, now)) !== 'committing')
    throw new DomainError('LOTTERY_CLOSED', '报名已开始截止，不能再登记摇号监督人的承诺值');
  const id = newId(deps.random);
  const [inserted] = await db.batch([
    db
      .insert(lotteryObservers)
      .values({
        id,
        seasonId: season.id,
        name: input.name,
        role: input.role,
        commitment: input.commitment,
        committedAt: now,
        recordedBy: admin.staffId,
      })
      .onConflictDoNothing()
      .returning({ id: lotteryObservers.id }),
    auditStatement(
      db,
      {
        staffId: admin.staffId,
        username: admin.username,
        action: 'lottery_commit',
        detail: { seasonId: season.id, observer: input.name, role: input.role, commitment: input.commitment },
        ...request,
        at: now,
      },
      rowExists(lotteryObservers, eq(lotteryObservers.id, id)),
    ),
  ]);
  if (inserted.length === 0) throw new DomainError('OBSERVER_EXISTS', `本招生季已登记监督人「${input.name}」`);
  return { id, committedAt: now.toISOString() };
}

/**
 * An observer's reveal, once every window of the season has closed: it must hash to the commitment published
 * before. Written once (a second reveal of the same observer answers CONFLICT); audited.
 */
export async function revealContribution(
  deps: Deps,
  admin: SignedInStaff,
  input: { observerId: string; contribution: string },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const [observer] = await db.select().from(lotteryObservers).where(eq(lotteryObservers.id, input.observerId));
  if (!observer) throw new DomainError('OBSERVER_NOT_FOUND', '找不到该监督人');
  if ((await phaseOf(db, observer.seasonId, now)) !== 'revealing')
    throw new DomainError('LOTTERY_NOT_YET', '报名全部截止后才能公开秘密随机数');
  if (observer.contribution !== null) throw new DomainError('OBSERVER_REVEALED', `「${observer.name}」已公开秘密随机数`);
  if (!(await revealMatches(input.contribution, observer.commitment)))
    throw new DomainError('INVALID_INPUT', `该秘密随机数与「${observer.name}」登记的承诺值不符`, { contribution: ['与承诺值不符'] });
  // The audit entry goes first, on the condition the update then changes: of two reveals, one finds it still unrevealed.
  const [, updated] = await db.batch([
    auditStatement(
      db,
      {
        staffId: admin.staffId,
        username: admin.username,
        action: 'lottery_reveal',
        detail: { seasonId: observer.seasonId, observer: observer.name },
        ...request,
        at: now,
      },
      rowExists(lotteryObservers, eq(lotteryObservers.id, observer.id), isNull(lotteryObservers.contribution)),
    ),
    db
      .update(lotteryObservers)
      .set({ contribution: input.contribution, revealedAt: now })
      .where(and(eq(lotteryObservers.id, observer.id), isNull(lotteryObservers.contribution)))
      .returning({ id: lotteryObservers.id }),
  ]);
  if (updated.length === 0) throw new DomainError('OBSERVER_REVEALED', `「${observer.name}」已公开秘密随机数`);
  return { revealedAt: now.toISOString() };
}
