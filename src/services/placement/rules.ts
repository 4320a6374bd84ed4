import { eq, inArray } from 'drizzle-orm';
import { commitChange } from '../../../db/change';
import type { Db } from '../../../db/client';
import { rowExists } from '../../../db/exists';
import { channels, entries, placementRules, tracks } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { orRefuse } from '../../domain/application';
import { DomainError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import type { Mechanism } from '../../domain/placement/input';
import { decideTierTable } from '../../domain/placement/rules-change';
import { tierDescriptionLines, tierRulesIntro } from '../../domain/placement/taojiang-tiers';
import { defaultPropertyLockYears, propertyLockRule } from '../../domain/property-lock';
import type { TierTable } from '../../domain/placement/tiers';
import { seasonOf } from '../admin/seasons';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;
type Request = { ip: string | null; requestId: string | null };

const stale = () => new DomainError('PLACEMENT_RULES_CHANGED', '派位规则已被他人修改，请刷新后再试');

/** A season's 派位规则 with its version (what a change names); null tiers when none are set yet. */
export async function placementRulesOf(db: Db, seasonId: string) {
  const season = await seasonOf(db, seasonId);
  const [row] = await db.select().from(placementRules).where(eq(placementRules.seasonId, season.id));
  return {
    seasonId: season.id,
    tiers: row?.tiers ?? null,
    mechanism: row?.mechanism ?? ('da' as Mechanism),
    /** 一房一位: years a property that admitted a child is locked (0: no lock). */
    propertyLockYears: row?.propertyLockYears ?? defaultPropertyLockYears,
    /** The 一房一位 rule as parents read it; null when there is no lock. */
    propertyLockRule: propertyLockRule(row?.propertyLockYears ?? defaultPropertyLockYears),
    version: row?.version ?? 0,
    lines: row ? tierDescriptionLines(row.tiers) : [],
    intro: tierRulesIntro,
  };
}

async function seasonChannelCodes(db: Db, seasonId: string): Promise<string[]> {
  const rows = await db
    .select({ code: channels.code })
    .from(channels)
    .innerJoin(tracks, eq(tracks.id, channels.trackId))
    .where(inArray(tracks.entryId, db.select({ id: entries.id }).from(entries).where(eq(entries.seasonId, seasonId))));
  return [...new Set(rows.map((r) => r.code))];
}

/**
 * Sets a season's tier table and mechanism, naming the version it was made on: one guarded batch with its audit entry
 * (before and after); the first setting inserts the row (version 0 → 1), of two administrators the second is told to
 * reload.
 */
export async function updatePlacementRules(
  deps: Deps,
  admin: SignedInStaff,
  input: { seasonId: string; version: number; tiers: TierTable; mechanism: Mechanism; propertyLockYears?: number },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const current = await placementRulesOf(db, input.seasonId);
  if (current.version !== input.version) throw stale();
  const { tiers } = orRefuse(decideTierTable(input.tiers, await seasonChannelCodes(db, input.seasonId)));
  const propertyLockYears = input.propertyLockYears ?? current.propertyLockYears;
  const audit = (onlyIf: Parameters<typeof auditStatement>[2]) =>
    auditStatement(
      db,
      {
        staffId: admin.staffId,
        username: admin.username,
        action: 'placement_rules',
        detail: {
          seasonId: input.seasonId,
          before: { tiers: current.tiers, mechanism: current.mechanism, propertyLockYears: current.propertyLockYears },
          after: { tiers, mechanism: input.mechanism, propertyLockYears },
        },
        ...request,
        at: now,
      },
      onlyIf,
    );
  if (current.tiers === null) {
    const nonce = newId(deps.random);
    const [inserted] = await db.batch([
      db
        .insert(placementRules)
        .values({
          seasonId: input.seasonId,
          tiers,
          mechanism: input.mechanism,
          propertyLockYears,
          version: 1,
          changeNonce: nonce,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ version: placementRules.version }),
      audit(rowExists(placementRules, eq(placementRules.seasonId, input.seasonId), eq(placementRules.changeNonce, nonce))),
    ]);
    if (inserted.length === 0) throw stale();
    return { version: 1 };
  }
  const done = await commitChange(db, deps.random, {
    table: placementRules,
    key: { column: placementRules.seasonId, value: input.seasonId },
    guard: { version: input.version },
    set: { tiers, mechanism: input.mechanism, propertyLockYears, version: input.version + 1, updatedAt: now },
    nonce: placementRules.changeNonce,
    followUps: (won) => [audit(won)],
  });
  if (!done.won) throw stale();
  return { version: input.version + 1 };
}
