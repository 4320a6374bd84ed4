import { testTokens } from './tokens';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accounts, applications, channels, children, entries, sessions, tracks } from '../../db/schema';
import type { ApplicationStatus } from '../../src/domain/application-status';
import { randomId } from '../../src/adapters/random';
import { newSession } from '../../src/services/sessions';

export interface SeededApplication {
  phone: string;
  accountId: string;
  /** Bearer or cookie session token of the parent. */
  token: string;
  childId: string;
  applicationId: string;
}

/**
 * Factory: a signed-in parent (account + session), a child and an application to the seeded 小学一年级新生 entry,
 * written straight into the database as the sign-in and `applications.start` would leave them. `channel` is the
 * code of the chosen channel of the 小学一年级新生 track (`hukou`, `property`, …), or null for none chosen yet.
 * The child's ID columns hold placeholders: nothing in these tests decrypts them.
 */
export async function parentWithApplication(
  db: Db,
  options: {
    phone: string;
    now: Date;
    channel?: string | null;
    status?: ApplicationStatus;
  },
): Promise<SeededApplication> {
  const channelCode = options.channel === undefined ? 'hukou' : options.channel;
  const [track] = await db
    .select({ track: tracks, entry: entries })
    .from(tracks)
    .innerJoin(entries, eq(entries.id, tracks.entryId))
    .where(and(eq(entries.code, 'grade1'), eq(tracks.code, 'primary-new')));
  if (!track) throw new Error('the seeded grade-1 track is missing');
  let channelId: string | null = null;
  if (channelCode) {
    const [channel] = await db
      .select({ id: channels.id })
      .from(channels)
      .where(and(eq(channels.trackId, track.track.id), eq(channels.code, channelCode)));
    if (!channel) throw new Error(`no channel ${channelCode} in the grade-1 track`);
    channelId = channel.id;
  }

  const { now } = options;
  const accountId = randomId();
  const childId = randomId();
  const applicationId = randomId();
  const session = await newSession(testTokens, now);
  await db.batch([
    db.insert(accounts).values({ id: accountId, phone: options.phone, createdAt: now, updatedAt: now }),
    db.insert(sessions).values({
      id: randomId(),
      tokenHash: session.tokenHash,
      accountId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: session.expiresAt,
    }),
    db.insert(children).values({
      id: childId,
      accountId,
      name: '测试儿童',
      idType: 'resident',
      idCipher: 'test-placeholder',
      idBlind: `test-${randomId()}`,
      idMasked: '430922********0011',
      birthDate: '2018-03-01',
      sex: 'male',
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(applications).values({
      id: applicationId,
      number: `TEST-${randomId().slice(0, 8).toUpperCase()}`,
      accountId,
      childId,
      seasonId: track.entry.seasonId,
      entryId: track.entry.id,
      grade: 1,
      trackId: track.track.id,
      channelId,
      status: options.status ?? 'draft',
      declarationAcceptedAt: now,
      createdAt: now,
      updatedAt: now,
    }),
  ]);
  return { phone: options.phone, accountId, token: session.token, childId, applicationId };
}

/** Moves an application to another status directly (as a submission or a review would). */
export async function setApplicationStatus(db: Db, applicationId: string, status: ApplicationStatus): Promise<void> {
  await db.update(applications).set({ status }).where(eq(applications.id, applicationId));
}

/**
 * Factory for benchmarks: `count` families with an approved grade-1 application each (hukou channel, living in
 * `community`, choosing `first` then `second`), written in a few large batches. Phones are 136xxxxxxxx from `firstNumber`.
 */
export async function approvedFamiliesInBulk(
  db: Db,
  options: { count: number; now: Date; community: string; first: string; second: string; firstNumber?: number },
): Promise<{ accountId: string; applicationId: string }[]> {
  const [track] = await db
    .select({ track: tracks, entry: entries, channel: channels.id })
    .from(tracks)
    .innerJoin(entries, eq(entries.id, tracks.entryId))
    .innerJoin(channels, and(eq(channels.trackId, tracks.id), eq(channels.code, 'hukou')))
    .where(and(eq(entries.code, 'grade1'), eq(tracks.code, 'primary-new')));
  if (!track) throw new Error('the seeded grade-1 track is missing');
  const { now } = options;
  const families = Array.from({ length: options.count }, (_, i) => ({
    n: (options.firstNumber ?? 0) + i,
    accountId: randomId(),
    childId: randomId(),
    applicationId: randomId(),
  }));
  const chunk = 500;
  for (let from = 0; from < families.length; from += chunk) {
    const part = families.slice(from, from + chunk);
    await db.batch([
      db
        .insert(accounts)
        .values(part.map((f) => ({ id: f.accountId, phone: `136${String(f.n).padStart(8, '0')}`, createdAt: now, updatedAt: now }))),
      db.insert(children).values(
        part.map((f) => ({
          id: f.childId,
          accountId: f.accountId,
          name: '测试儿童',
          idType: 'resident' as const,
          idCipher: 'test-placeholder',
          idBlind: `bulk-${f.childId}`,
          idMasked: '430922********0011',
          birthDate: '2018-03-01',
          sex: 'male' as const,
          createdAt: now,
          updatedAt: now,
        })),
      ),
      db.insert(applications).values(
        part.map((f) => ({
          id: f.applicationId,
          number: `BULK-${String(f.n).padStart(6, '0')}`,
          accountId: f.accountId,
          childId: f.childId,
          seasonId: track.entry.seasonId,
          entryId: track.entry.id,
          grade: 1,
          trackId: track.track.id,
          channelId: track.channel,
          status: 'school_approved' as const,
          community: options.community,
          firstSchoolId: options.first,
          secondSchoolId: options.second,
          declarationAcceptedAt: now,
          createdAt: now,
          updatedAt: now,
        })),
      ),
    ]);
  }
  return families.map((f) => ({ accountId: f.accountId, applicationId: f.applicationId }));
}
