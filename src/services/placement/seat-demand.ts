import { and, eq } from 'drizzle-orm';
import { commitChange } from '../../../db/change';
import type { Db } from '../../../db/client';
import { schools, seasonSchools } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import type { ApplicationStatus } from '../../domain/application-status';
import { DomainError } from '../../domain/errors';
import { demandLevel } from '../../domain/placement/seat-demand';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';
import { placementInputOf } from './dry-run';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

/** Applications still in the running: submitted and not withdrawn or rejected. */
const liveStatuses: readonly ApplicationStatus[] = ['submitted', 'preliminarily_approved', 'school_approved'];

/**
 * 学位预警 of one entry and grade: each school's places, its first-choice applications by tier (under the season's
 * tiers) and the level, with the notice published for parents. A school reviewer sees their own school only.
 */
export async function seatDemand(db: Db, staff: SignedInStaff, input: { seasonId: string; entryId: string; grade: number }) {
  const { input: placement, offers, rules } = await placementInputOf(db, input, liveStatuses);
  const visible = staff.role === 'school_reviewer' ? offers.filter((o) => o.schoolId === staff.schoolId) : offers;
  return {
    tiers: rules.lines,
    schools: visible.map((offer) => {
      const firsts = placement.applicants.map((a) => a.choices[0]!).filter((choice) => choice.school === offer.code);
      const byTier = new Map<number, number>();
      for (const choice of firsts) byTier.set(choice.tier, (byTier.get(choice.tier) ?? 0) + 1);
      return {
        schoolId: offer.schoolId,
        name: offer.name,
        seats: offer.seats,
        firstChoices: firsts.length,
        firstChoicesPerTier: [...byTier].sort(([a], [b]) => a - b).map(([tier, count]) => ({ tier, count })),
        level: demandLevel(firsts.length, offer.seats),
        notice: offer.demandNotice,
        version: offer.version,
      };
    }),
  };
}

/**
 * Publishes (or, with null, takes down) a 学位预警 for a school on the parents' pages: one guarded change of the
 * season's school with its audit entry (before and after); a stale version answers CONFLICT.
 */
export async function publishDemandNotice(
  deps: Deps,
  admin: SignedInStaff,
  input: { seasonId: string; schoolId: string; version: number; notice: string | null },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const [offer] = await db
    .select({ offer: seasonSchools, name: schools.name })
    .from(seasonSchools)
    .innerJoin(schools, eq(schools.id, seasonSchools.schoolId))
    .where(and(eq(seasonSchools.seasonId, input.seasonId), eq(seasonSchools.schoolId, input.schoolId)));
  if (!offer) throw new DomainError('SCHOOL_NOT_FOUND', '本招生季没有这所学校');
  const stale = () => new DomainError('SCHOOL_CHANGED', '该学校已被他人修改，请刷新后再试');
  if (offer.offer.version !== input.version) throw stale();
  const done = await commitChange(db, deps.random, {
    table: seasonSchools,
    key: { column: seasonSchools.id, value: offer.offer.id },
    guard: { version: input.version },
    set: { demandNotice: input.notice, version: input.version + 1, updatedAt: now },
    nonce: seasonSchools.changeNonce,
    followUps: (won) => [
      auditStatement(
        db,
        {
          staffId: admin.staffId,
          username: admin.username,
          action: 'seat_demand_notice',
          detail: { seasonId: input.seasonId, school: offer.name, before: offer.offer.demandNotice, after: input.notice },
          ...request,
          at: now,
        },
        won,
      ),
    ],
  });
  if (!done.won) throw stale();
  return { version: input.version + 1 };
}
