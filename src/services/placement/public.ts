import type { Db } from '../../../db/client';
import { currentSeasonOf } from '../catalog';
import { listDraws } from './draw';
import { listObservers } from './observers';
import { publicityOf } from './results';
import { placementRulesOf } from './rules';

/**
 * What every family may read about how seats are given in the region's current season: the tiers, the mechanism,
 * and the lottery's observers with their commitments (published before the window closes) and, once revealed, their
 * contributions.
 */
export async function publicPlacement(db: Db, regionId: string, now: Date) {
  const season = await currentSeasonOf(db, regionId);
  const [rules, lottery, draws, publicity] = await Promise.all([
    placementRulesOf(db, season.id),
    listObservers(db, season.id, now),
    listDraws(db, season.id),
    publicityOf(db, season.id, now),
  ]);
  return {
    season: { id: season.id, name: season.name },
    mechanism: rules.mechanism,
    intro: rules.intro,
    tiers: rules.lines,
    /** 一房一位 as parents read it (null: no lock this season). */
    propertyLockRule: rules.propertyLockRule,
    observers: lottery.observers.map(({ id: _, ...o }) => o),
    /** Each draw's seed and file hashes; the files are at `/api/placement/draws/:id/inputs.json` and `results.json`. */
    draws,
    /** 公示: while its period runs, each draw's admitted applications per school, names masked. */
    publicity,
  };
}
