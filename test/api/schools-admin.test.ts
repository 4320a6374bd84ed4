import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, schoolPlaces } from '../../db/schema';
import type { EnrollmentClient } from '../../src/client';
import { parentWithApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { signInStaff, staffToken } from '../helpers/staff';

let t: TestHost;
let admin: EnrollmentClient;
let seasonId: string;
let regionId: string;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
  admin = await signInStaff(t, 'admin');
  const season = (await admin.admin.seasons.query()).find((s) => s.code === '2024-autumn')!;
  seasonId = season.id;
  regionId = (await t.client.catalog.regions.query())[0]!.id;
});
afterAll(() => t?.close());

const list = () => admin.admin.schools.list.query({ seasonId });
const schoolByCode = async (code: string) => (await list()).schools.find((s) => s.code === code)!;
const audits = (action: string) => t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, action));

describe('a season’s schools at the desk', () => {
  it('lists every school with its places per entry and grade, catchment, version and applications; county reviewers read it', async () => {
    const listed = await list();
    expect(listed.season).toMatchObject({ id: seasonId, status: 'published' });
    expect(listed.columns.map((c) => c.label)).toContain('小学一年级新生·一年级学位');
    const shiyan = listed.schools.find((s) => s.code === 'shiyan-primary')!;
    const grade1 = listed.columns.find((c) => c.key === 'grade1:1')!;
    expect(shiyan).toMatchObject({ name: '桃江县实验小学', level: 'primary', contactPhone: '0737-8821107', version: 0, applications: 0 });
    expect(shiyan.places).toEqual([{ entryId: grade1.entryId, grade: 1, places: 450, classes: null, classSize: null }]);
    expect(shiyan.communities.map((c) => c.name)).toEqual(['资江社区', '桃花社区', '迎宾社区', '凤凰山社区', '美人窝社区']);
    const county = await signInStaff(t, 'county');
    expect((await county.admin.schools.list.query({ seasonId })).schools).toHaveLength(listed.schools.length);
    expect((await refusal(county.admin.schools.remove.mutate({ seasonSchoolId: shiyan.id, version: 0 }))).data?.code).toBe('FORBIDDEN');
  });

  it('edits a school: places given as classes × class size are multiplied, the catchment replaced, audited before and after', async () => {
    const listed = await list();
    const school = listed.schools.find((s) => s.code === 'zijiang-primary')!;
    const grade1 = listed.columns.find((c) => c.key === 'grade1:1')!;
    const done = await admin.admin.schools.update.mutate({
      seasonSchoolId: school.id,
      version: school.version,
      name: '桃江县资江小学（新校区）',
      address: '桃江县桃花江镇资江路118号',
      contactPhone: '0737-8823999',
      places: [{ entryId: grade1.entryId, grade: 1, classes: 8, classSize: 45 }],
      communityIds: listed.communities.filter((c) => ['资江社区', '竹金村'].includes(c.name)).map((c) => c.id),
    });
    expect(done.version).toBe(school.version + 1);
    const after = await schoolByCode('zijiang-primary');
    expect(after).toMatchObject({ name: '桃江县资江小学（新校区）', address: '桃江县桃花江镇资江路118号', contactPhone: '0737-8823999' });
    expect(after.places).toEqual([{ entryId: grade1.entryId, grade: 1, places: 360, classes: 8, classSize: 45 }]);
    expect(after.communities.map((c) => c.name)).toEqual(['资江社区', '竹金村']);
    const [entry] = await audits('school_update');
    expect(entry!.detail).toMatchObject({
      before: { name: '桃江县资江小学', places: [{ places: 360 }] },
      after: { name: '桃江县资江小学（新校区）', communities: ['资江社区', '竹金村'] },
    });
  });

  it('writes one of two edits made on the same version at once; the other answers CONFLICT in Chinese', async () => {
    const school = await schoolByCode('taogushan-primary');
    const token = await staffToken(t, 'admin');
    const edit = (c: EnrollmentClient, address: string) =>
      c.admin.schools.update.mutate({
        seasonSchoolId: school.id,
        version: school.version,
        address,
        contactPhone: school.contactPhone,
        places: school.places,
        communityIds: school.communities.map((x) => x.id),
      });
    const [a, b] = racers(t.url, 2, token);
    const results = await Promise.allSettled([edit(a!, '甲地址'), edit(b!, '乙地址')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ message: '该学校已被他人修改，请刷新后再试', data: { code: 'CONFLICT' } });
    const after = await schoolByCode('taogushan-primary');
    expect(after.version).toBe(school.version + 1);
    expect(after.places).toEqual(school.places);
    expect(
      (await audits('school_update')).filter((e) => (e.detail as { seasonSchoolId: string }).seasonSchoolId === school.id),
    ).toHaveLength(1);
  });

  it('refuses places for a grade the school’s level does not take, naming the field', async () => {
    const listed = await list();
    const school = listed.schools.find((s) => s.code === 'taohuajiang-junior')!;
    const grade1 = listed.columns.find((c) => c.key === 'grade1:1')!;
    const refused = await refusal(
      admin.admin.schools.update.mutate({
        seasonSchoolId: school.id,
        version: school.version,
        address: school.address,
        places: [{ entryId: grade1.entryId, grade: 1, places: 10 }],
        communityIds: [],
      }),
    );
    expect(refused).toMatchObject({
      message: '初中不招收「小学一年级新生·一年级」',
      data: { code: 'BAD_REQUEST', fieldErrors: { places: ['初中不招收「小学一年级新生·一年级」'] } },
    });
  });

  it('creates a new school in the season and refuses its code a second time', async () => {
    const listed = await list();
    const grade1 = listed.columns.find((c) => c.key === 'grade1:1')!;
    const input = {
      seasonId,
      code: 'xin-primary',
      name: '桃江县新建小学',
      level: 'primary' as const,
      address: '桃江县桃花江镇新建路1号',
      contactPhone: '13812345678',
      places: [{ entryId: grade1.entryId, grade: 1, places: 90 }],
      communityIds: [listed.communities[0]!.id],
    };
    const made = await admin.admin.schools.create.mutate(input);
    expect(made.version).toBe(0);
    expect(await schoolByCode('xin-primary')).toMatchObject({
      name: '桃江县新建小学',
      places: [{ places: 90 }],
      communities: [{ name: listed.communities[0]!.name }],
    });
    const again = await refusal(admin.admin.schools.create.mutate({ ...input, name: '又一所' }));
    expect(again).toMatchObject({ message: '学校代码「xin-primary」已被使用', data: { code: 'CONFLICT' } });
    expect(await audits('school_create')).toHaveLength(1);
  });

  it('removes a school no application names, then adds the same school back to the season', async () => {
    const school = await schoolByCode('xin-primary');
    await admin.admin.schools.remove.mutate({ seasonSchoolId: school.id, version: school.version });
    const listed = await list();
    expect(listed.schools.find((s) => s.code === 'xin-primary')).toBeUndefined();
    expect(listed.others).toContainEqual({ id: school.schoolId, code: 'xin-primary', name: '桃江县新建小学', level: 'primary' });
    const [entry] = await audits('school_remove');
    expect(entry!.detail).toMatchObject({ before: { code: 'xin-primary', places: [{ places: 90 }] }, after: null });
    await admin.admin.schools.create.mutate({ seasonId, schoolId: school.schoolId, address: '新地址', places: [], communityIds: [] });
    expect(await schoolByCode('xin-primary')).toMatchObject({ address: '新地址', places: [], communities: [] });
    const check = await admin.admin.checkSeason.query({ seasonId });
    expect(check.problems).toContain('「桃江县新建小学」没有招生名额');
    expect(check.problems).toContain('「桃江县新建小学」没有招生范围（社区）');
  });

  it('refuses to remove a school an application chose, even a draft, or a sibling’s school, and keeps it', async () => {
    const { db } = t.host.deps;
    const first = await schoolByCode('fenghuangshan-primary');
    const sibling = await schoolByCode('sanliqiao-primary');
    const now = t.host.deps.clock.now();
    const draft = await parentWithApplication(db, { phone: '13900000101', now, status: 'draft' });
    await db.update(applications).set({ firstSchoolId: first.schoolId }).where(eq(applications.id, draft.applicationId));
    const other = await parentWithApplication(db, { phone: '13900000102', now, status: 'submitted' });
    await db
      .update(applications)
      .set({ sibling: { idMasked: '430922********1234', schoolId: sibling.schoolId, remark: '' } })
      .where(eq(applications.id, other.applicationId));
    const refused = await refusal(admin.admin.schools.remove.mutate({ seasonSchoolId: first.id, version: first.version }));
    expect(refused).toMatchObject({
      message: '「桃江县凤凰山小学」不能从本招生季移除：1 份报名将其选为志愿学校（含未提交的草稿）',
      data: { code: 'CONFLICT', domainCode: 'SCHOOL_IN_USE' },
    });
    expect((await refusal(admin.admin.schools.remove.mutate({ seasonSchoolId: sibling.id, version: sibling.version }))).message).toContain(
      '1 份报名的兄弟姐妹在该校就读',
    );
    expect(await schoolByCode('fenghuangshan-primary')).toMatchObject({ applications: 1 });
    expect(await db.select().from(schoolPlaces).where(eq(schoolPlaces.seasonSchoolId, first.id))).toHaveLength(1);
  });

  it('refuses to take a community out of a catchment while submitted applications from it chose the school', async () => {
    const { db } = t.host.deps;
    const school = await schoolByCode('shiniujiang-primary');
    const now = t.host.deps.clock.now();
    const app = await parentWithApplication(db, { phone: '13900000103', now, status: 'submitted' });
    await db
      .update(applications)
      .set({ firstSchoolId: school.schoolId, community: '竹金村' })
      .where(eq(applications.id, app.applicationId));
    const refused = await refusal(
      admin.admin.schools.update.mutate({
        seasonSchoolId: school.id,
        version: school.version,
        address: school.address,
        places: school.places,
        communityIds: school.communities.filter((c) => c.name !== '竹金村').map((c) => c.id),
      }),
    );
    expect(refused).toMatchObject({
      message: '「桃江县桃花江镇石牛江完全小学」的招生范围不能去掉「竹金村」：已有该社区的报名选择了本校',
      data: { code: 'CONFLICT' },
    });
  });
});

describe('a region’s communities', () => {
  it('are listed with how many season schools serve them, and a new one is added once', async () => {
    const before = await admin.admin.communities.list.query({ regionId });
    expect(before.find((c) => c.name === '资江社区')!.served).toBeGreaterThan(0);
    const made = await admin.admin.communities.create.mutate({ regionId, name: '东湖社区' });
    expect(made.name).toBe('东湖社区');
    expect((await refusal(admin.admin.communities.create.mutate({ regionId, name: '东湖社区' }))).message).toBe('本区域已有「东湖社区」');
    expect((await admin.admin.communities.list.query({ regionId })).map((c) => c.name)).toContain('东湖社区');
    expect(await audits('community_create')).toHaveLength(1);
    // A community no school serves is a problem of the season until one does.
    expect((await admin.admin.checkSeason.query({ seasonId })).problems).toContain('「东湖社区」没有小学学校招生');
  });
});

describe('two administrators at once', () => {
  it('create the same new school: one is written, the other answers CONFLICT, one audit entry', async () => {
    const token = await staffToken(t, 'admin');
    const input = {
      seasonId,
      code: 'race-primary',
      name: '竞速小学',
      level: 'primary' as const,
      address: '竞速路1号',
      places: [],
      communityIds: [],
    };
    const results = await Promise.allSettled(racers(t.url, 2, token).map((c) => c.admin.schools.create.mutate(input)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ data: { code: 'CONFLICT' } });
    expect((await list()).schools.filter((s) => s.code === 'race-primary')).toHaveLength(1);
  });

  it('remove the same school: one removes it, the other is told to reload (stale, or already gone), one audit entry', async () => {
    const school = await schoolByCode('race-primary');
    const token = await staffToken(t, 'admin');
    const before = (await audits('school_remove')).length;
    const results = await Promise.allSettled(
      racers(t.url, 2, token).map((c) => c.admin.schools.remove.mutate({ seasonSchoolId: school.id, version: school.version })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as Error;
    // The loser read the school before the winner removed it (CONFLICT) or after (not found): either way it reloads.
    expect(['该学校已被他人修改，请刷新后再试', '找不到该学校，请刷新后再试']).toContain(lost.message);
    expect(await audits('school_remove')).toHaveLength(before + 1);
  });

  it('remove a school on a version another edit has moved on: CONFLICT, and the school stays', async () => {
    const school = await schoolByCode('zijiang-primary');
    expect(school.version).toBeGreaterThan(0);
    const refused = await refusal(admin.admin.schools.remove.mutate({ seasonSchoolId: school.id, version: school.version - 1 }));
    expect(refused).toMatchObject({ message: '该学校已被他人修改，请刷新后再试', data: { code: 'CONFLICT' } });
    expect(await schoolByCode('zijiang-primary')).toMatchObject({ version: school.version });
  });

  it('import into the same season version: one import is written, the other answers CONFLICT and writes nothing', async () => {
    const listed = await list();
    // The seed loaded each demo town's schools through the same import.
    const importsBefore = (await audits('schools_import')).length;
    const token = await staffToken(t, 'admin');
    const row = (code: string) => ({
      row: 2,
      code,
      name: `${code}小学`,
      level: '小学',
      address: '竞速路2号',
      phone: '',
      catchment: '资江社区',
      places: { 'grade1:1': '45' },
    });
    const results = await Promise.allSettled(
      racers(t.url, 2, token).map((c, i) =>
        c.admin.importSchools.mutate({ seasonId, version: listed.season.version, schools: [row(`import-race-${i}`)], communities: [] }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
      message: '该招生季已被他人修改，请刷新后再试',
      data: { code: 'CONFLICT' },
    });
    expect((await list()).schools.filter((s) => s.code.startsWith('import-race-'))).toHaveLength(1);
    expect(await audits('schools_import')).toHaveLength(importsBefore + 1);
  });
});
