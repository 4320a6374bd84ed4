import { count, eq, sql } from 'drizzle-orm';
import { commitChange } from '../../../db/change';
import type { Db } from '../../../db/client';
import { applications, documents, seasons } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { retentionDateProblem } from '../../domain/retention';
import { auditStatement } from '../audit';
import { unreducedOf } from '../retention-purge';
import type { SignedInStaff } from '../staff/sessions';
import { seasonOf, seasonStale } from './seasons';

type Request = { ip: string | null; requestId: string | null };

/** Sets or clears a season's retention date (administrators), in one guarded batch with its audit entry. */
export async function setRetention(
  deps: Pick<AppDeps, 'db' | 'clock' | 'random'>,
  admin: SignedInStaff,
  input: { seasonId: string; version: number; retainUntil: Date | null },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const season = await seasonOf(db, input.seasonId);
  if (season.version !== input.version) throw seasonStale();
  const problem = retentionDateProblem(season, input.retainUntil, now);
  if (problem) throw new DomainError('INVALID_INPUT', problem);
  const done = await commitChange(db, deps.random, {
    table: seasons,
    key: { column: seasons.id, value: season.id },
    guard: { version: input.version, purgedAt: null },
    set: { retainUntil: input.retainUntil, version: input.version + 1, updatedAt: now },
    nonce: seasons.changeNonce,
    followUps: (won) => [
      auditStatement(
        db,
        {
          staffId: admin.staffId,
          username: admin.username,
          action: 'season_retention',
          detail: {
            seasonId: season.id,
            name: season.name,
            before: season.retainUntil?.toISOString() ?? null,
            after: input.retainUntil?.toISOString() ?? null,
          },
          ...request,
          at: now,
        },
        won,
      ),
    ],
  });
  if (!done.won) throw seasonStale();
  return { id: season.id, retainUntil: input.retainUntil?.toISOString() ?? null, version: input.version + 1 };
}

/** The dry run: what the purge of a season would delete and reduce, with a sample of the applications' numbers. */
export async function previewRetention(db: Db, seasonId: string) {
  const season = await seasonOf(db, seasonId);
  const [[apps], [docs], sample] = await db.batch([
    db.select({ n: count() }).from(applications).where(unreducedOf(seasonId)),
    db
      .select({ n: count(), bytes: sql<number>`coalesce(sum(${documents.size}), 0)` })
      .from(documents)
      .innerJoin(applications, eq(applications.id, documents.applicationId))
      .where(unreducedOf(seasonId)),
    db.select({ number: applications.number }).from(applications).where(unreducedOf(seasonId)).orderBy(applications.number).limit(10),
  ]);
  return {
    seasonId,
    retainUntil: season.retainUntil?.toISOString() ?? null,
    purgedAt: season.purgedAt?.toISOString() ?? null,
    applications: apps?.n ?? 0,
    documents: docs?.n ?? 0,
    bytes: Number(docs?.bytes ?? 0),
    sample: sample.map((s) => s.number),
  };
}
