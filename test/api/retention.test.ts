import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  auditLog,
  documents,
  objections,
  placementDraws,
  seasons,
  verificationChecks,
  verificationJobs,
} from '../../db/schema';
import { reducedCheckSummaries, reducedObjectionReason } from '../../src/domain/retention';
import type { EnrollmentClient } from '../../src/client';
import { sweep } from '../../src/services/sweep';
import { parentWithApplication, type SeededApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { refusal } from '../helpers/refusal';
import { samplePng } from '../helpers/sample-files';
import { signInStaff } from '../helpers/staff';
import { uploadSample } from '../helpers/upload';

let t: TestHost;
let admin: EnrollmentClient;
let families: SeededApplication[];
let seasonId: string;
let storageKeys: string[];

beforeAll(async () => {
  t = await startTestHost();
  admin = await signInStaff(t, 'admin');
  const { db } = t.host.deps;
  families = [
    await parentWithApplication(db, { phone: '13712340301', now: t.clock.now() }),
    await parentWithApplication(db, { phone: '13712340302', now: t.clock.now() }),
  ];
  await uploadSample(t, families[0]!.token, families[0]!.applicationId, 'student-hukou');
  await uploadSample(t, families[0]!.token, families[0]!.applicationId, 'student-hukou');
  await uploadSample(t, families[1]!.token, families[1]!.applicationId, 'student-hukou');
  await db
    .update(applications)
    .set({
      form: { address: '桃花江镇某路1号' },
      secrets: 'sealed',
      community: '某社区',
      sibling: { idMasked: '4309**', schoolId: 'x', remark: '' },
    })
    .where(eq(applications.id, families[0]!.applicationId));
  const [app] = await db
    .select({ seasonId: applications.seasonId })
    .from(applications)
    .where(eq(applications.id, families[0]!.applicationId));
  seasonId = app!.seasonId;
  const applicationId = families[0]!.applicationId;
  const [own] = await db
    .select({ entryId: applications.entryId, grade: applications.grade })
    .from(applications)
    .where(eq(applications.id, applicationId));
  const now = t.clock.now();
  await db.insert(verificationChecks).values({
    id: 'retention-check',
    applicationId,
    claim: 'hukou',
    result: 'pass',
    summary: '户籍登记于 2019-03-01，早于 2023-09-01 ✓；户籍地 某社区 ✓',
    values: { registeredOn: '2019-03-01', community: '某社区' },
    source: 'records',
    checkedAt: now,
  });
  await db.insert(verificationJobs).values({ applicationId: families[1]!.applicationId, dueAt: now });
  await db.insert(placementDraws).values({
    id: 'retention-draw',
    seasonId: app!.seasonId,
    entryId: own!.entryId,
    grade: own!.grade,
    mechanism: 'da',
    seed: 's',
    inputs: '{}',
    inputsSha256: 'x',
    results: '{}',
    resultsSha256: 'y',
    applicants: 1,
    unplaced: 0,
    drawnAt: now,
  });
  await db.insert(objections).values({
    id: 'retention-objection',
    drawId: 'retention-draw',
    applicationId,
    reason: '我家住在桃花江镇某路1号，离学校只有300米',
    status: 'dismissed',
    filedAt: now,
    decision: '经复核，派位结果无误',
  });
  storageKeys = (await db.select({ key: documents.storageKey }).from(documents)).map((d) => d.key);
});
afterAll(() => t?.close());

const version = async () =>
  (await t.host.deps.db.select({ version: seasons.version }).from(seasons).where(eq(seasons.id, seasonId)))[0]!.version;
const purgeAudits = () => t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'season_purge'));

describe('retention of a season with documents', () => {
  it('an administrator sets the date (not in the past, not on a stale version), audited with before and after', async () => {
    const v = await version();
    expect(
      (await refusal(admin.admin.retention.set.mutate({ seasonId, version: v, retainUntil: '2024-07-01T00:00:00+08:00' }))).data?.code,
    ).toBe('BAD_REQUEST');
    const set = await admin.admin.retention.set.mutate({ seasonId, version: v, retainUntil: '2024-09-01T00:00:00+08:00' });
    expect(set).toMatchObject({ version: v + 1, retainUntil: '2024-08-31T16:00:00.000Z' });
    expect((await refusal(admin.admin.retention.set.mutate({ seasonId, version: v, retainUntil: null }))).data?.code).toBe('CONFLICT');
    const [entry] = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'season_retention'));
    expect(entry!.detail).toMatchObject({ seasonId, before: null, after: '2024-08-31T16:00:00.000Z' });
  });

  it('the dry run lists what would go and deletes nothing', async () => {
    const preview = await admin.admin.retention.preview.query({ seasonId });
    expect(preview).toMatchObject({ applications: 2, documents: 3, bytes: 3 * samplePng.length, purgedAt: null });
    expect(preview.sample).toHaveLength(2);
    expect(await t.host.deps.db.select().from(documents)).toHaveLength(3);
  });

  it('the sweep leaves the season alone before its date', async () => {
    expect((await sweep(t.host.deps)).retention.seasonId).toBeNull();
    expect(await t.host.deps.db.select().from(documents)).toHaveLength(3);
  });

  it('two sweeps racing after the date purge it once: each file deleted once, counts right, one audit entry', async () => {
    t.clock.set('2024-09-02T00:00:00+08:00');
    const { files } = t.host.deps;
    const deleted: string[] = [];
    const deleteFile = files.delete.bind(files);
    files.delete = async (key) => {
      deleted.push(key);
      await deleteFile(key);
    };
    const reports = (await Promise.all([sweep(t.host.deps), sweep(t.host.deps)])).map((r) => r.retention);
    files.delete = deleteFile;
    const sum = (pick: (r: (typeof reports)[number]) => number) => reports.reduce((n, r) => n + pick(r), 0);
    expect(sum((r) => r.applications)).toBe(2);
    expect(sum((r) => r.documents)).toBe(3);
    expect(sum((r) => r.bytes)).toBe(3 * samplePng.length);
    expect(reports.some((r) => r.finished)).toBe(true);
    expect(deleted.sort()).toEqual([...storageKeys].sort());
    for (const key of storageKeys) expect(await files.get(key)).toBeNull();

    const { db } = t.host.deps;
    expect(await db.select().from(documents)).toEqual([]);
    const [reduced] = await db.select().from(applications).where(eq(applications.id, families[0]!.applicationId));
    expect(reduced).toMatchObject({ form: {}, secrets: null, community: null, sibling: null, rejection: null, status: 'draft' });
    expect(reduced!.reducedAt).toEqual(t.clock.now());
    expect(reduced!.number).toMatch(/\S/);
    expect(await db.select().from(verificationChecks)).toMatchObject([
      { claim: 'hukou', result: 'pass', summary: reducedCheckSummaries.pass, values: {} },
    ]);
    expect(await db.select().from(verificationJobs)).toEqual([]);
    expect(await db.select().from(objections)).toMatchObject([
      { reason: reducedObjectionReason, status: 'dismissed', decision: '经复核，派位结果无误' },
    ]);
    const [season] = await db.select().from(seasons).where(eq(seasons.id, seasonId));
    expect(season!.purgedAt).toEqual(t.clock.now());
    const audits = await purgeAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toMatchObject({ seasonId, applications: 2, documents: 3, bytes: 3 * samplePng.length });
  });

  it('a later sweep does nothing, the dry run shows the purge done, and the date can no longer change', async () => {
    expect((await sweep(t.host.deps)).retention).toEqual({ seasonId: null, applications: 0, documents: 0, bytes: 0, finished: false });
    expect(await purgeAudits()).toHaveLength(1);
    admin = await signInStaff(t, 'admin'); // the clock moved past the staff session
    const preview = await admin.admin.retention.preview.query({ seasonId });
    expect(preview).toMatchObject({ applications: 0, documents: 0, bytes: 0, sample: [] });
    expect(preview.purgedAt).not.toBeNull();
    const refused = await refusal(admin.admin.retention.set.mutate({ seasonId, version: await version(), retainUntil: null }));
    expect(refused.data?.code).toBe('BAD_REQUEST');
    expect(t.errors).toEqual([]);
  });
});
