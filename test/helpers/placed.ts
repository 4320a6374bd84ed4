import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applications, placementDraws, placements } from '../../db/schema';
import { randomId } from '../../src/adapters/random';

export interface PlacedApplication {
  applicationId: string;
  schoolId: string | null;
  confirmation?: 'confirmed' | 'declined' | null;
}

/**
 * Factory: a published draw of the season's grade-1 entry written straight into the database, as the draw and the
 * publication would leave it (the files are placeholders: nothing here re-runs them), with each application placed.
 */
export async function publishedDraw(
  db: Db,
  options: { now: Date; publicityDays?: number; confirmDays?: number; publishedBy?: string | null; placed: PlacedApplication[] },
): Promise<{ drawId: string }> {
  const [first] = await db
    .select({ seasonId: applications.seasonId, entryId: applications.entryId, grade: applications.grade })
    .from(applications)
    .where(eq(applications.id, options.placed[0]!.applicationId));
  const drawId = randomId();
  const day = 24 * 3_600_000;
  await db.insert(placementDraws).values({
    id: drawId,
    seasonId: first!.seasonId,
    entryId: first!.entryId,
    grade: first!.grade,
    mechanism: 'da',
    seed: '0'.repeat(64),
    inputs: '{}',
    inputsSha256: '0'.repeat(64),
    results: '{}',
    resultsSha256: '0'.repeat(64),
    applicants: options.placed.length,
    unplaced: options.placed.filter((p) => p.schoolId === null).length,
    drawnAt: options.now,
    publishedAt: options.now,
    publishedBy: options.publishedBy ?? null,
    publicityEndsAt: new Date(options.now.getTime() + (options.publicityDays ?? 5) * day),
    confirmBy: new Date(options.now.getTime() + (options.confirmDays ?? 7) * day),
  });
  for (const p of options.placed) {
    await db.insert(placements).values({
      drawId,
      applicationId: p.applicationId,
      schoolId: p.schoolId,
      lottery: randomId().padEnd(64, '0').slice(0, 64),
      choices: [],
      confirmation: p.confirmation ?? null,
      confirmedAt: p.confirmation ? options.now : null,
    });
  }
  return { drawId };
}
