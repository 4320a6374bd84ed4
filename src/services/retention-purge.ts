import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { applications, documents, objections, seasons, verificationChecks, verificationJobs } from '../../db/schema';
import type { AppDeps } from '../deps';
import { reducedApplication, reducedCheckSummaries, reducedObjectionReason, retentionBatchSize } from '../domain/retention';
import { auditStatement } from './audit';
import { discardUnclaimed, intentsForDocumentsOf } from './documents';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'files' | 'log'>;

/** A season's applications not yet reduced by the purge. */
export const unreducedOf = (seasonId: string) => and(eq(applications.seasonId, seasonId), isNull(applications.reducedAt));

export interface PurgeReport {
  seasonId: string | null;
  applications: number;
  documents: number;
  bytes: number;
  finished: boolean;
}

/**
 * One step of the retention purge, run by the sweep: the first due season's next `retentionBatchSize` unreduced
 * applications lose their documents (rows in the batch, an upload intent left for each file, the files deleted after),
 * their checks' record values, pending checks and objection reasons, and are reduced, with an audit entry counting what went, in one batch. Every statement is limited to applications
 * still unreduced when it runs, so of two sweeps racing, the second finds nothing left and writes nothing. The batch
 * that leaves no unreduced application marks the season purged; from then on the sweep passes it by.
 */
export async function purgeDueSeason(deps: Deps): Promise<PurgeReport> {
  const { db } = deps;
  const now = deps.clock.now();
  const [season] = await db
    .select({ id: seasons.id, name: seasons.name })
    .from(seasons)
    .where(and(isNotNull(seasons.retainUntil), lte(seasons.retainUntil, now), isNull(seasons.purgedAt)))
    .orderBy(seasons.retainUntil)
    .limit(1);
  if (!season) return { seasonId: null, applications: 0, documents: 0, bytes: 0, finished: false };

  const ids = (await db.select({ id: applications.id }).from(applications).where(unreducedOf(season.id)).limit(retentionBatchSize)).map(
    (a) => a.id,
  );
  const still = db
    .select({ id: applications.id })
    .from(applications)
    .where(and(inArray(applications.id, ids), isNull(applications.reducedAt)));
  const counted = sql`json_object(
    'seasonId', ${season.id}, 'name', ${season.name},
    'applications', (SELECT count(*) FROM applications WHERE id IN ${still}),
    'documents', (SELECT count(*) FROM documents WHERE application_id IN ${still}),
    'bytes', (SELECT coalesce(sum(size), 0) FROM documents WHERE application_id IN ${still}))`;
  const finish = db
    .update(seasons)
    .set({ purgedAt: now })
    .where(
      and(
        eq(seasons.id, season.id),
        isNull(seasons.purgedAt),
        sql`NOT EXISTS ${db.select({ id: applications.id }).from(applications).where(unreducedOf(season.id))}`,
      ),
    )
    .returning({ id: seasons.id });
  if (ids.length === 0) {
    const marked = await finish;
    return { seasonId: season.id, applications: 0, documents: 0, bytes: 0, finished: marked.length > 0 };
  }
  const [, intents, removed, , , , reduced, finished] = await db.batch([
    auditStatement(
      db,
      {
        staffId: null,
        username: 'system',
        action: 'season_purge',
        detail: counted as unknown as Record<string, unknown>,
        ip: null,
        requestId: null,
        at: now,
      },
      sql`EXISTS ${still}`,
    ),
    intentsForDocumentsOf(db, still, now),
    db.delete(documents).where(inArray(documents.applicationId, still)).returning({ size: documents.size }),
    db
      .update(verificationChecks)
      .set({
        values: {},
        summary: sql`CASE ${verificationChecks.result} WHEN 'pass' THEN ${reducedCheckSummaries.pass} WHEN 'fail' THEN ${reducedCheckSummaries.fail} ELSE ${reducedCheckSummaries.manual} END`,
      })
      .where(inArray(verificationChecks.applicationId, still)),
    db.delete(verificationJobs).where(inArray(verificationJobs.applicationId, still)),
    db.update(objections).set({ reason: reducedObjectionReason }).where(inArray(objections.applicationId, still)),
    db
      .update(applications)
      .set({ ...reducedApplication(), reducedAt: now, updatedAt: now })
      .where(and(inArray(applications.id, ids), isNull(applications.reducedAt)))
      .returning({ id: applications.id }),
    finish,
  ]);
  for (const { storageKey } of intents)
    await discardUnclaimed(deps, storageKey, `a document of season ${season.id} past its retention date`);
  return {
    seasonId: season.id,
    applications: reduced.length,
    documents: removed.length,
    bytes: removed.reduce((sum, d) => sum + d.size, 0),
    finished: finished.length > 0,
  };
}
