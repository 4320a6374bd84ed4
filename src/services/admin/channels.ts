import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { commitChange } from '../../../db/change';
import type { Db } from '../../../db/client';
import { noRowExists, rowExists } from '../../../db/exists';
import { insertWhen } from '../../../db/insert-when';
import { applications, channels, entries, seasons, tracks, verificationJobs } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { orRefuse } from '../../domain/application';
import { type ChannelDocument, type ChannelEligibility, channelLabel } from '../../domain/catalog';
import {
  type ChannelSettings,
  type ChannelUsage,
  channelMessages,
  criteriaNote,
  decideChannelDelete,
  decideChannelOrder,
  decideChannelUpdate,
  documentsRefusal,
  statusesRecheckedOnCriteriaChange,
  submittedStatuses,
} from '../../domain/channel-admin';
import { DomainError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { reorderRows } from '../../../db/reorder';
import { auditStatement } from '../audit';
import { criteriaNoteAction } from '../review/criteria-notes';
import type { SignedInStaff } from '../staff/sessions';
import { runVerification } from '../verification';
import { seasonCatalog } from './seasons';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'vault' | 'records' | 'recordsSource' | 'log'>;
type Request = { ip: string | null; requestId: string | null };
type AfterResponse = (task: () => Promise<unknown>) => void;

const stale = () => new DomainError('CHANNEL_CHANGED', channelMessages.changed);
const notFound = () => new DomainError('CHANNEL_NOT_FOUND', '找不到该报名通道');
const author = (admin: SignedInStaff, request: Request) => ({ staffId: admin.staffId, username: admin.username, ...request });

const submitted = (channelId: string) => and(eq(applications.channelId, channelId), inArray(applications.status, [...submittedStatuses]));

/** How many applications use each channel, and how many of them have been submitted. */
async function usageOf(db: Db, channelIds: string[]): Promise<Map<string, ChannelUsage>> {
  if (channelIds.length === 0) return new Map();
  const rows = await db
    .select({
      channelId: applications.channelId,
      applications: count(),
      submitted: sql<number>`sum(case when ${inArray(applications.status, [...submittedStatuses])} then 1 else 0 end)`,
    })
    .from(applications)
    .where(inArray(applications.channelId, channelIds))
    .groupBy(applications.channelId);
  return new Map(rows.map((r) => [r.channelId!, { applications: r.applications, submitted: Number(r.submitted ?? 0) }]));
}

const unused: ChannelUsage = { applications: 0, submitted: 0 };

/** A season's channels as administrators edit them: entry → track → channel, with version, enabled and usage. */
export async function listSeasonChannels(db: Db, seasonId: string) {
  const [season] = await db.select().from(seasons).where(eq(seasons.id, seasonId));
  if (!season) throw new DomainError('SEASON_NOT_FOUND', '找不到该招生季');
  const catalog = await seasonCatalog(db, seasonId);
  const usage = await usageOf(
    db,
    catalog.channels.map((c) => c.channel.id),
  );
  return {
    season: { id: season.id, name: season.name, status: season.status, version: season.version },
    entries: catalog.entries.map((entry) => ({
      id: entry.id,
      code: entry.code,
      name: entry.name,
      tracks: catalog.tracks
        .filter((t) => t.entryId === entry.id)
        .map((track) => ({
          id: track.id,
          code: track.code,
          name: track.name,
          level: track.level,
          channels: catalog.channels
            .filter((c) => c.channel.trackId === track.id)
            .map(({ channel }) => ({
              id: channel.id,
              code: channel.code,
              name: channel.name,
              label: channelLabel({ entry: entry.name, track: track.name, channel: channel.name }),
              definition: channel.definition,
              eligibility: channel.eligibility,
              documents: channel.documents,
              sort: channel.sort,
              enabled: channel.enabled,
              version: channel.version,
              ...(usage.get(channel.id) ?? unused),
            })),
        })),
    })),
  };
}

async function loadChannel(db: Db, channelId: string) {
  const [found] = await db
    .select({ channel: channels, track: tracks.name, entry: entries.name })
    .from(channels)
    .innerJoin(tracks, eq(tracks.id, channels.trackId))
    .innerJoin(entries, eq(entries.id, tracks.entryId))
    .where(eq(channels.id, channelId));
  if (!found) throw notFound();
  return { ...found, label: channelLabel({ entry: found.entry, track: found.track, channel: found.channel.name }) };
}

const settingsOf = (c: typeof channels.$inferSelect): ChannelSettings => ({
  name: c.name,
  definition: c.definition,
  eligibility: c.eligibility,
  documents: c.documents,
  enabled: c.enabled,
});

/** Optional fields left out rather than stored as undefined, so before and after compare as they read. */
function cleanEligibility(e: ChannelEligibility): ChannelEligibility {
  return {
    check: e.check,
    ...(e.before ? { before: e.before } : {}),
    ...(e.minInsuredMonths ? { minInsuredMonths: e.minInsuredMonths } : {}),
    verifiable: e.verifiable,
    manualProof: e.manualProof,
  };
}
function cleanDocument(d: ChannelDocument): ChannelDocument {
  return {
    kind: d.kind,
    name: d.name,
    ...(d.note ? { note: d.note } : {}),
    ...(d.alternativeGroup ? { alternativeGroup: d.alternativeGroup } : {}),
    ...(d.condition ? { condition: d.condition } : {}),
    ...(d.twoSided ? { twoSided: true } : {}),
  };
}
const cleanSettings = (s: ChannelSettings): ChannelSettings => ({
  name: s.name,
  definition: s.definition,
  eligibility: cleanEligibility(s.eligibility),
  documents: s.documents.map(cleanDocument),
  enabled: s.enabled,
});

/**
 * Changes a channel (name, definition, parameters, documents, enabled) in one guarded batch naming the version, with
 * its audit entry (before and after). Once parents have submitted in it, the document kinds and the check stay. A new
 * cut-off date or minimum of months: each application under review gets a note for reviewers (in the same batch) and
 * its system checks run again after the answer.
 */
export async function updateChannel(
  deps: Deps,
  admin: SignedInStaff,
  input: { channelId: string; version: number } & ChannelSettings,
  request: Request,
  afterResponse: AfterResponse,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const found = await loadChannel(db, input.channelId);
  if (found.channel.version !== input.version) throw stale();
  const usage = (await usageOf(db, [input.channelId])).get(input.channelId) ?? unused;
  const { channelId, version: _, ...proposed } = input;
  const decision = orRefuse(
    decideChannelUpdate({ current: cleanSettings(settingsOf(found.channel)), proposed: cleanSettings(proposed), usage }),
  );
  const recheck = decision.criteria.length
    ? (
        await db
          .select({ id: applications.id })
          .from(applications)
          .where(and(eq(applications.channelId, channelId), inArray(applications.status, [...statusesRecheckedOnCriteriaChange])))
      ).map((a) => a.id)
    : [];
  const kindsFixed = decision.kindsChanged || decision.before.eligibility.check !== decision.after.eligibility.check;
  const note = criteriaNote(decision.criteria);
  const version = input.version + 1;
  const done = await commitChange(db, deps.random, {
    table: channels,
    key: { column: channels.id, value: channelId },
    guard: { version: input.version },
    // A submission that arrived since the usage was read keeps the kinds it was made with.
    also: kindsFixed ? [noRowExists(applications, submitted(channelId))] : [],
    set: { ...decision.set, version, updatedAt: now },
    nonce: channels.changeNonce,
    followUps: (won) => [
      auditStatement(
        db,
        {
          ...author(admin, request),
          action: 'channel_update',
          detail: {
            channelId,
            channel: found.label,
            before: decision.before,
            after: decision.after,
            criteria: decision.criteria,
            rechecked: recheck.length,
          },
          at: now,
        },
        won,
      ),
      ...recheck.flatMap((applicationId) => [
        auditStatement(
          db,
          { ...author(admin, request), action: criteriaNoteAction, applicationId, detail: { channelId, note }, at: now },
          won,
        ),
        insertWhen(db, verificationJobs, { applicationId, dueAt: now, attempts: 0 }, won).onConflictDoUpdate({
          target: verificationJobs.applicationId,
          set: { dueAt: now, attempts: 0, claimedBy: null, claimExpiresAt: null, lastError: null },
        }),
      ]),
    ],
  });
  if (!done.won) {
    const again = (await usageOf(db, [channelId])).get(channelId) ?? unused;
    if (kindsFixed && again.submitted > 0)
      orRefuse(decideChannelUpdate({ current: decision.before, proposed: decision.after, usage: again }));
    throw stale();
  }
  afterResponse(async () => {
    for (const applicationId of recheck) await runVerification(deps, applicationId);
  });
  return { id: channelId, version, rechecked: recheck.length, criteria: decision.criteria };
}

/** A new channel at the end of its track; its code is unique in the track (a taken code answers CONFLICT). Audited. */
export async function createChannel(
  deps: Pick<AppDeps, 'db' | 'clock' | 'random'>,
  admin: SignedInStaff,
  input: { trackId: string; code: string } & ChannelSettings,
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const [track] = await db
    .select({ track: tracks, entry: entries.name })
    .from(tracks)
    .innerJoin(entries, eq(entries.id, tracks.entryId))
    .where(eq(tracks.id, input.trackId));
  if (!track) throw new DomainError('TRACK_NOT_FOUND', '找不到该报名类别');
  const { trackId, code, ...given } = input;
  const settings = cleanSettings(given);
  const refused = documentsRefusal(settings.documents);
  if (refused) orRefuse(refused);
  const id = newId(deps.random);
  const [inserted] = await db.batch([
    db
      .insert(channels)
      .values({
        id,
        trackId,
        code,
        ...settings,
        sort: sql`(SELECT coalesce(max(${channels.sort}), -1) + 1 FROM ${channels} WHERE ${channels.trackId} = ${trackId})`,
        version: 0,
        updatedAt: now,
      })
      .onConflictDoNothing(),
    auditStatement(
      db,
      {
        ...author(admin, request),
        action: 'channel_create',
        detail: {
          channelId: id,
          channel: channelLabel({ entry: track.entry, track: track.track.name, channel: settings.name }),
          after: settings,
        },
        at: now,
      },
      rowExists(channels, eq(channels.id, id)),
    ),
  ]);
  if (inserted.rowsAffected === 0) throw new DomainError('CHANNEL_EXISTS', `该类别已有代码为 ${code} 的报名通道`);
  return { id, version: 0 };
}

/** A track's channels in a new order: every channel named at the version seen, one batch, audited; a stale one: CONFLICT. */
export async function reorderChannels(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  admin: SignedInStaff,
  input: { trackId: string; channels: { channelId: string; version: number }[] },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const current = await db
    .select({ id: channels.id, version: channels.version, name: channels.name })
    .from(channels)
    .where(eq(channels.trackId, input.trackId))
    .orderBy(channels.sort);
  if (current.length === 0) throw new DomainError('TRACK_NOT_FOUND', '找不到该报名类别');
  const decision = orRefuse(decideChannelOrder(current, input.channels));
  const { allStillAt, update } = reorderRows(db, channels, eq(channels.trackId, input.trackId), decision, now);
  const [, updated] = await db.batch([
    auditStatement(
      db,
      {
        ...author(admin, request),
        action: 'channel_order',
        detail: { trackId: input.trackId, before: decision.before, after: decision.after },
        at: now,
      },
      allStillAt,
    ),
    update,
  ]);
  if (updated.length === 0) throw stale();
  return { channels: decision.sort.map((s) => ({ channelId: s.id, version: updated.find((u) => u.id === s.id)!.version })) };
}

/**
 * Deletes a channel no application uses (not even a draft), at the version seen; the delete and its audit entry are
 * one batch under the same condition, so an application that chose the channel meanwhile keeps it.
 */
export async function deleteChannel(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  admin: SignedInStaff,
  input: { channelId: string; version: number },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const found = await loadChannel(db, input.channelId);
  if (found.channel.version !== input.version) throw stale();
  orRefuse(decideChannelDelete((await usageOf(db, [input.channelId])).get(input.channelId) ?? unused));
  const stillAsSeen = and(
    rowExists(channels, eq(channels.id, input.channelId), eq(channels.version, input.version)),
    noRowExists(applications, eq(applications.channelId, input.channelId)),
  )!;
  const [, deleted] = await db.batch([
    auditStatement(
      db,
      {
        ...author(admin, request),
        action: 'channel_delete',
        detail: { channelId: input.channelId, channel: found.label, before: settingsOf(found.channel) },
        at: now,
      },
      stillAsSeen,
    ),
    db
      .delete(channels)
      .where(and(eq(channels.id, input.channelId), stillAsSeen))
      .returning({ id: channels.id }),
  ]);
  if (deleted.length === 0) {
    orRefuse(decideChannelDelete((await usageOf(db, [input.channelId])).get(input.channelId) ?? unused));
    throw stale();
  }
  return { id: input.channelId };
}
