import { and, asc, eq } from 'drizzle-orm';
import { applications, children, entries, regions, seasons, tracks, windows } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { DomainError, fieldError } from '../../domain/errors';
import { ageRefusal } from '../../domain/child-fit';
import { gradeInRange, gradeNames } from '../../domain/eligibility';
import { loggableError } from '../../domain/error-text';
import { newId } from '../../domain/ids';
import type { RandomSource } from '../../domain/random';
import { describeWindow, windowState } from '../../domain/window';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random'>;

const numberAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const entryDigit = { grade1: '1', grade7: '7', transfer: 'Z' } as const;

/** `TH24-1-7K3M9Q`: region, season year, entry, six random characters without look-alikes (no O/0, I/1). */
export function applicationNumber(random: RandomSource, regionCode: string, year: number, entryCode: keyof typeof entryDigit): string {
  const tail = [...random.bytes(6)].map((b) => numberAlphabet[b % numberAlphabet.length]).join('');
  return `${regionCode.slice(0, 2).toUpperCase()}${String(year).slice(2)}-${entryDigit[entryCode]}-${tail}`;
}

/**
 * Opens an application for a child in an entry (报名入口) after the declaration is accepted. Inside the window only;
 * grade 1 needs six full years by 31 August; a transfer names its grade (2–6, 8–9). One application per child and
 * season, enforced by a unique index: a second start, however concurrent, gets CONFLICT naming the first.
 */
export async function startApplication(deps: Deps, accountId: string, input: { childId: string; entryId: string; grade?: number }) {
  const { db } = deps;
  const now = deps.clock.now();
  const [child] = await db
    .select()
    .from(children)
    .where(and(eq(children.id, input.childId), eq(children.accountId, accountId)));
  if (!child) throw new DomainError('CHILD_NOT_FOUND', '找不到该孩子');
  const [row] = await db
    .select({ entry: entries, window: windows, season: seasons })
    .from(entries)
    .innerJoin(windows, eq(windows.entryId, entries.id))
    .innerJoin(seasons, eq(seasons.id, entries.seasonId))
    .where(and(eq(entries.id, input.entryId), eq(seasons.status, 'published')));
  if (!row) throw new DomainError('ENTRY_NOT_FOUND', '找不到该报名入口');
  const { entry, window, season } = row;
  if (windowState(window, now) !== 'open') {
    throw new DomainError('WINDOW_CLOSED', `${entry.name}不在报名时间内。报名时间为 ${describeWindow(window)}`);
  }

  const entryTracks = await db.select().from(tracks).where(eq(tracks.entryId, entry.id)).orderBy(asc(tracks.sort));
  const grade = entry.code === 'transfer' ? input.grade : entry.gradeMin;
  if (grade === undefined) throw fieldError('grade', '请选择插班年级');
  if (!entryTracks.some((t) => gradeInRange(grade, t))) {
    throw fieldError(
      'grade',
      `${entry.name}只接受${entryTracks.map((t) => `${gradeNames[t.gradeMin]}至${gradeNames[t.gradeMax]}`).join('、')}`,
    );
  }
  const tooYoung = ageRefusal(entry.code, child.birthDate, season.year);
  if (tooYoung) throw new DomainError('NOT_ELIGIBLE', tooYoung);
  const matching = entryTracks.filter((t) => gradeInRange(grade, t));
  const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.id, season.regionId));

  const id = newId(deps.random);
  const insert = () =>
    db
      .insert(applications)
      .values({
        id,
        number: applicationNumber(deps.random, region?.code ?? 'xx', season.year, entry.code),
        accountId,
        childId: child.id,
        seasonId: season.id,
        entryId: entry.id,
        grade,
        trackId: matching.length === 1 ? matching[0]!.id : null,
        status: 'draft',
        declarationAcceptedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [applications.childId, applications.seasonId] })
      .returning({ id: applications.id });
  // Six random characters give ~10⁹ numbers per entry: a county's tens of thousands may meet a taken one; draw again.
  let inserted: { id: string }[] = [];
  for (let attempt = 0; ; attempt++) {
    try {
      inserted = await insert();
      break;
    } catch (error) {
      if (attempt >= 4 || !/UNIQUE constraint failed: applications\.number/.test(loggableError(error))) throw error;
    }
  }
  if (inserted[0]) return { applicationId: id };

  const [existing] = await db
    .select({ id: applications.id, number: applications.number, status: applications.status, entryName: entries.name })
    .from(applications)
    .innerJoin(entries, eq(entries.id, applications.entryId))
    .where(and(eq(applications.childId, child.id), eq(applications.seasonId, season.id)));
  throw new DomainError(
    'APPLICATION_EXISTS',
    `${child.name}本招生季已有报名（编号${existing?.number ?? '—'}），每个孩子只能报名一次`,
    undefined,
    undefined,
    undefined,
    existing && { applicationId: existing.id, status: existing.status, entryName: existing.entryName, number: existing.number },
  );
}
