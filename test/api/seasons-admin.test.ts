import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, seasons } from '../../db/schema';
import type { EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { signInStaff, staffToken } from '../helpers/staff';

let t: TestHost;
let admin: EnrollmentClient;
let regionId: string;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
  admin = await signInStaff(t, 'admin');
  regionId = (await t.client.catalog.regions.query())[0]!.id;
});
afterAll(() => t?.close());

const season2024 = async () => (await admin.admin.seasons.query()).find((s) => s.code === '2024-autumn' && s.region === '桃花江镇')!;

describe('an administrator prepares next summer', () => {
  it('copies 2024 to a 2025 draft with every date a year on and listed; parents keep seeing 2024 until it is published', async () => {
    const from = await season2024();
    expect(from).toMatchObject({ status: 'published', year: 2024 });
    const copy = await admin.admin.copySeason.mutate({ fromSeasonId: from.id, code: '2025-autumn', name: '2025年秋季', years: 1 });
    expect(copy.status).toBe('draft');
    expect(copy.moved).toContainEqual({
      what: '「小学一年级新生」报名时间',
      from: '2024-07-15 00:00 至 2024-07-25 24:00（北京时间）；驳回后3天内可修改',
      to: '2025-07-15 00:00 至 2025-07-25 24:00（北京时间）；驳回后3天内可修改',
    });
    expect(copy.moved).toContainEqual({
      what: '「小学一年级新生 · 小学一年级新生 · 县城区常住户籍学生」截止日期',
      from: '2024-03-01',
      to: '2025-03-01',
    });

    const region = await t.client.catalog.region.query({ regionId });
    expect(region.season.name).toBe('2024年秋季');
    const schools2024 = await t.client.catalog.schools.query({ regionId });
    const { db } = t.host.deps;
    const draftEntries = await db.query.entries.findMany({ where: (e, { eq: is }) => is(e.seasonId, copy.id) });
    expect(draftEntries).toHaveLength(3);
    expect((await refusal(t.client.catalog.channels.query({ entryId: draftEntries[0]!.id }))).data?.code).toBe('NOT_FOUND');

    const check = await admin.admin.checkSeason.query({ seasonId: copy.id });
    expect(check.problems).toEqual([]);
    const published = await admin.admin.publishSeason.mutate({ seasonId: copy.id, version: check.version });
    expect(published).toMatchObject({ status: 'published', version: 1 });
    const after = await t.client.catalog.region.query({ regionId });
    expect(after.season.name).toBe('2025年秋季');
    expect(after.entries[0]!.window.text).toBe('2025-07-15 00:00 至 2025-07-25 24:00（北京时间）');
    // Schools keep their identity; their places, contacts and catchments were copied into the new season.
    expect(await t.client.catalog.schools.query({ regionId })).toEqual(schools2024);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'season_publish'));
    expect(audits).toHaveLength(1);
  });

  it('refuses a code the region already has, a second publication, and a county reviewer, writing nothing', async () => {
    const from = await season2024();
    const before = (await db()).length;
    const taken = await refusal(
      admin.admin.copySeason.mutate({ fromSeasonId: from.id, code: '2025-autumn', name: '又一个2025年秋季', years: 1 }),
    );
    expect(taken).toMatchObject({ data: { code: 'CONFLICT' }, message: '该区域已有编号为 2025-autumn 的招生季' });
    expect((await db()).length).toBe(before);
    const done = (await admin.admin.seasons.query()).find((s) => s.code === '2025-autumn')!;
    expect((await refusal(admin.admin.publishSeason.mutate({ seasonId: done.id, version: done.version }))).data?.code).toBe('CONFLICT');
    const county = await signInStaff(t, 'county');
    expect(
      (await refusal(county.admin.copySeason.mutate({ fromSeasonId: from.id, code: '2026-autumn', name: '2026年秋季', years: 2 }))).data
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('publishes a draft once when two administrators press 发布 together', async () => {
    const from = await season2024();
    const copy = await admin.admin.copySeason.mutate({ fromSeasonId: from.id, code: '2026-autumn', name: '2026年秋季', years: 2 });
    const token = await staffToken(t, 'admin');
    const results = await Promise.allSettled(
      racers(t.url, 2, token).map((c) => c.admin.publishSeason.mutate({ seasonId: copy.id, version: 0 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [row] = await t.host.deps.db.select().from(seasons).where(eq(seasons.id, copy.id));
    expect(row).toMatchObject({ status: 'published', version: 1 });
    expect(await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'season_publish'))).toHaveLength(2);
  });

  it('counts only enabled channels: an entry whose channels are all disabled keeps the season from being published', async () => {
    const from = await season2024();
    const copy = await admin.admin.copySeason.mutate({ fromSeasonId: from.id, code: '2027-autumn', name: '2027年秋季', years: 3 });
    const grade1 = (await admin.admin.channels.list.query({ seasonId: copy.id })).entries.find((e) => e.code === 'grade1')!;
    for (const ch of grade1.tracks.flatMap((track) => track.channels)) {
      await admin.admin.channels.update.mutate({
        channelId: ch.id,
        version: ch.version,
        name: ch.name,
        definition: ch.definition,
        eligibility: ch.eligibility,
        documents: ch.documents,
        enabled: false,
      });
    }
    expect((await admin.admin.checkSeason.query({ seasonId: copy.id })).problems).toEqual(['「小学一年级新生」没有报名通道']);
  });
});

const db = () => t.host.deps.db.select({ id: seasons.id }).from(seasons);
