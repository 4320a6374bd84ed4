import { eq, inArray } from 'drizzle-orm';

import type { Db } from '../../../db/client';
import { preparedStatement } from '../../../db/prepared';
import { accounts, applications, channels, children, entries, schools, seasons, tracks, windows } from '../../../db/schema';
import { DomainError } from '../../domain/errors';

/** An application with what its rules need, as a query (for a `db.batch` of reads): see `loadApplication`. */
export function applicationQuery(db: Db, applicationId: string) {
  return db
    .select({
      application: applications,
      entry: entries,
      window: windows,
      season: seasons,
      track: tracks,
      channel: channels,
      child: {
        id: children.id,
        name: children.name,
        idMasked: children.idMasked,
        idBlind: children.idBlind,
        birthDate: children.birthDate,
      },
      phone: accounts.phone,
    })
    .from(applications)
    .innerJoin(entries, eq(entries.id, applications.entryId))
    .innerJoin(windows, eq(windows.entryId, applications.entryId))
    .innerJoin(seasons, eq(seasons.id, applications.seasonId))
    .innerJoin(children, eq(children.id, applications.childId))
    .innerJoin(accounts, eq(accounts.id, applications.accountId))
    .leftJoin(tracks, eq(tracks.id, applications.trackId))
    .leftJoin(channels, eq(channels.id, applications.channelId))
    .where(eq(applications.id, applicationId));
}

/** An application with what its rules need: entry, window, season, track, channel, child and the family's phone. */
export async function loadApplication(db: Db, applicationId: string) {
  const [row] = await applicationQuery(db, applicationId);
  return row ?? null;
}

export type LoadedApplication = NonNullable<Awaited<ReturnType<typeof loadApplication>>>;

/**
 * What a submission needs of an application and no more (decision 029), as a prepared read: the columns of its
 * decision, its completeness check and its commit. The channel's texts, the season and the track stay in the
 * database: wide text columns are most of what reading a row costs the libSQL driver.
 */
export const submissionRead = preparedStatement(['applicationId'], (db, p) =>
  db
    .select({
      application: {
        id: applications.id,
        accountId: applications.accountId,
        number: applications.number,
        status: applications.status,
        version: applications.version,
        form: applications.form,
        firstSchoolId: applications.firstSchoolId,
        secondSchoolId: applications.secondSchoolId,
        sibling: applications.sibling,
        submittedAt: applications.submittedAt,
      },
      entry: { code: entries.code },
      window: windows,
      channel: { code: channels.code, eligibility: channels.eligibility, documents: channels.documents },
      child: { name: children.name },
      phone: accounts.phone,
    })
    .from(applications)
    .innerJoin(entries, eq(entries.id, applications.entryId))
    .innerJoin(windows, eq(windows.entryId, applications.entryId))
    .innerJoin(children, eq(children.id, applications.childId))
    .innerJoin(accounts, eq(accounts.id, applications.accountId))
    .leftJoin(channels, eq(channels.id, applications.channelId))
    .where(eq(applications.id, p.applicationId)),
);

const notFound = () => new DomainError('APPLICATION_NOT_FOUND', '找不到该报名');

/** The parent's own application; another family's is "not found", never "forbidden". */
export async function ownApplication(db: Db, accountId: string, applicationId: string): Promise<LoadedApplication> {
  return ownedBy(accountId, await loadApplication(db, applicationId));
}

/** `loaded` if it is `accountId`'s application; another family's (or none) is "not found". */
export function ownedBy<L extends { application: { accountId: string } }>(accountId: string, loaded: L | null | undefined): L {
  if (!loaded || loaded.application.accountId !== accountId) throw notFound();
  return loaded;
}

/** The names of the schools an application names (choices and the sibling's school), as a lookup. */
export async function schoolNamesOf(db: Db, application: LoadedApplication['application']) {
  const ids = [application.firstSchoolId, application.secondSchoolId, application.sibling?.schoolId].filter((x): x is string => Boolean(x));
  const rows = ids.length ? await db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, ids)) : [];
  return (id: string | null | undefined) => rows.find((s) => s.id === id)?.name ?? null;
}
