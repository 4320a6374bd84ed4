import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applications, channels, entries } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import type { ApplicationStatus } from '../../domain/application-status';
import { DomainError } from '../../domain/errors';
import { placementApplicantOf } from '../../domain/placement/applicant-tiers';
import { type PlacementInput, placementInputProblem } from '../../domain/placement/input';
import { hexOf } from '../../domain/placement/hex';
import { lotteryNumbers } from '../../domain/placement/lottery';
import { place } from '../../domain/placement/place';
import type { PlacementResult } from '../../domain/placement/result';
import { sideBySide } from '../../domain/placement/side-by-side';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';
import { offerCatchments, placeOffers } from './offers';
import { placementRulesOf } from './rules';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

/** Applications that take part in the placement: those the schools have approved. */
const placedStatuses: readonly ApplicationStatus[] = ['school_approved'];

/**
 * The placement's input for one entry and grade of a season, from the database: the schools offering places there
 * (seats = their 计划学位), and each approved application with its tier at each of its two choices under the season's
 * tier table (its channel, whether its community is in that school's catchment, a sibling at that school).
 */
export async function placementInputOf(
  db: Db,
  input: { seasonId: string; entryId: string; grade: number },
  statuses: readonly ApplicationStatus[] = placedStatuses,
) {
  const rules = await placementRulesOf(db, input.seasonId);
  const [entry] = await db
    .select({ id: entries.id })
    .from(entries)
    .where(and(eq(entries.id, input.entryId), eq(entries.seasonId, input.seasonId)));
  if (!entry) throw new DomainError('ENTRY_NOT_FOUND', '该招生季没有这个报名入口');
  if (!rules.tiers) throw new DomainError('INVALID_INPUT', '请先设置本招生季的派位规则');
  const offers = await placeOffers(db, input);
  const [applicationRows, catchmentRows] = await Promise.all([
    db
      .select({
        number: applications.number,
        channel: channels.code,
        community: applications.community,
        first: applications.firstSchoolId,
        second: applications.secondSchoolId,
        sibling: applications.sibling,
      })
      .from(applications)
      .innerJoin(channels, eq(channels.id, applications.channelId))
      .where(
        and(
          eq(applications.seasonId, input.seasonId),
          eq(applications.entryId, input.entryId),
          eq(applications.grade, input.grade),
          inArray(applications.status, [...statuses]),
        ),
      ),
    offerCatchments(
      db,
      offers.map((o) => o.offerId),
    ),
  ]);
  const offerOf = new Map(offers.map((o) => [o.schoolId, o]));
  const tiers = rules.tiers;
  const applicants = applicationRows.map((a) =>
    placementApplicantOf(tiers, {
      number: a.number,
      channel: a.channel,
      choices: [a.first, a.second]
        .map((id) => (id ? offerOf.get(id) : undefined))
        .filter((offer) => offer !== undefined)
        .map((offer) => ({
          school: offer.code,
          inCatchment: catchmentRows.some((c) => c.offerId === offer.offerId && c.community === a.community),
          sibling: a.sibling?.schoolId === offer.schoolId,
        })),
    }),
  );
  const placementInput: PlacementInput = {
    schools: offers.map((o) => ({ code: o.code, seats: o.seats })),
    applicants: applicants.filter((a) => a.choices.length > 0),
  };
  const problem = placementInputProblem(placementInput);
  if (problem) throw new DomainError('INVALID_INPUT', problem);
  return { rules, input: placementInput, names: new Map(offers.map((o) => [o.code, o.name])), offers };
}

/**
 * 模拟派位: the placement of one entry and grade with a throwaway seed, under both mechanisms side by side (the
 * season's first), writing nothing but its audit entry. Any number of times before the real draw.
 */
export async function dryRun(
  deps: Deps,
  admin: SignedInStaff,
  input: { seasonId: string; entryId: string; grade: number },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const { rules, input: placementInput, names } = await placementInputOf(db, input);
  const seed = hexOf(deps.random.bytes(32));
  const lottery = lotteryNumbers(
    seed,
    placementInput.applicants.map((a) => a.number),
  );
  const [da, ia] = (['da', 'ia'] as const).map((mechanism) => place(placementInput, lottery, mechanism)) as [
    PlacementResult,
    PlacementResult,
  ];
  const comparison = sideBySide(da, ia);
  const differ = comparison.placedDifferently.length;
  const view = (result: PlacementResult) => ({
    mechanism: result.mechanism,
    unplaced: result.unplaced,
    schools: result.schools.map((s) => ({ ...s, name: names.get(s.code) ?? s.code })),
  });
  await auditStatement(db, {
    staffId: admin.staffId,
    username: admin.username,
    action: 'placement_dry_run',
    detail: { ...input, seed, applicants: placementInput.applicants.length, differ },
    ...request,
    at: now,
  });
  return {
    seed,
    applicants: placementInput.applicants.length,
    /** Applications placed differently by the two mechanisms, and how many of them each serves better. */
    differ,
    betterUnderDeferredAcceptance: comparison.betterUnderDeferredAcceptance,
    betterUnderImmediateAcceptance: comparison.betterUnderImmediateAcceptance,
    /** The season's mechanism first. */
    results: rules.mechanism === 'da' ? [view(da), view(ia)] : [view(ia), view(da)],
  };
}
