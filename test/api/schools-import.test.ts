import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, communities, schools, seasonSchools } from '../../db/schema';
import type { EnrollmentClient } from '../../src/client';
import type { PlaceColumn } from '../../src/domain/school-import';
import { readImportFiles } from '../../src/import/school-file';
import { parentWithApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { refusal } from '../helpers/refusal';
import { importFixture } from '../helpers/school-files';
import { signInStaff } from '../helpers/staff';

let t: TestHost;
let admin: EnrollmentClient;
let seasonId: string;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
  admin = await signInStaff(t, 'admin');
  seasonId = (await admin.admin.seasons.query()).find((s) => s.code === '2024-autumn')!.id;
});
afterAll(() => t?.close());

/** What the page does: read the files against the season's columns, then send the rows (with a dry run first when the file itself has errors). */
async function importFiles(names: string[], options: { dryRun?: boolean } = {}) {
  const listed = await admin.admin.schools.list.query({ seasonId });
  const read = await readImportFiles(names.map(importFixture), listed.columns as PlaceColumn[]);
  return {
    read,
    send: () =>
      admin.admin.importSchools.mutate({
        seasonId,
        version: listed.season.version,
        schools: read.schools,
        communities: read.communities,
        ...options,
      }),
  };
}

const counts = async () => {
  const { db } = t.host.deps;
  return {
    schools: (await db.select().from(schools)).length,
    offers: (await db.select().from(seasonSchools).where(eq(seasonSchools.seasonId, seasonId))).length,
    communities: (await db.select().from(communities)).length,
  };
};

/** Imports administrators made (the seed loads each demo town's schools through the same import). */
const adminImports = () =>
  t.host.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'schools_import'), isNotNull(auditLog.staffId)));

describe('importing schools from a spreadsheet', () => {
  it('refuses a bad workbook whole: every bad row with its number and reason, the file’s own and the server’s, nothing written', async () => {
    const before = await counts();
    const { read, send } = await importFiles(['bad.xlsx']);
    expect(read.errors.map((e) => [e.row, e.message])).toEqual([
      [8, '单元格 G8 是公式，请改为直接填写内容'],
      [9, '单元格 A9 是数字格式：学校代码请设为文本格式后重新填写（数字会丢掉开头的 0）'],
    ]);
    const refused = await refusal(send());
    expect(refused.message).toBe('文件有 6 行有误，未导入任何数据');
    expect(refused.data).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'IMPORT_INVALID' });
    expect(refused.data?.rowErrors?.map((e) => [e.row, e.column, e.message])).toEqual([
      [3, '学校代码', '学校代码「dup-primary」与第 2 行重复'],
      [4, '招生范围（社区）', '社区「不存在社区」不存在：请在「社区」表中列出，或先在系统中添加'],
      [5, '小学一年级新生·一年级学位', '学位「三百」须为整数或「班数×班额」（如 360 或 8×45）'],
      [6, '咨询电话', '咨询电话格式不正确（如 0737-8821107 或 13812345678）'],
      [7, '学段', '未知的学段「高中」，请填写小学或初中'],
      [9, '学校代码', '请填写学校代码'],
    ]);
    expect(await counts()).toEqual(before);
    expect(await adminImports()).toHaveLength(0);
  });

  it('refuses a GBK CSV from Chinese Excel with a duplicate code and an unknown community, read in Chinese', async () => {
    const before = await counts();
    const { read, send } = await importFiles(['bad-gbk.csv']);
    expect(read.errors).toEqual([]);
    const refused = await refusal(send());
    expect(refused.data?.rowErrors).toEqual([
      { sheet: '学校', row: 2, column: '招生范围（社区）', message: '社区「东风社区」不存在：请在「社区」表中列出，或先在系统中添加' },
      { sheet: '学校', row: 3, column: '学校代码', message: '学校代码「gbk-primary」与第 2 行重复' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('imports a good workbook in one batch: a known code updates the season’s school, new codes and communities are created', async () => {
    const before = await counts();
    const { read, send } = await importFiles(['good.xlsx']);
    expect(read.errors).toEqual([]);
    const checked = await importFiles(['good.xlsx'], { dryRun: true });
    expect(await checked.send()).toMatchObject({ dryRun: true, created: 2, updated: 1, communities: 1 });
    expect(await counts()).toEqual(before);
    const done = await send();
    expect(done).toMatchObject({ dryRun: false, created: 2, updated: 1, communities: 1 });
    expect(await counts()).toEqual({ schools: before.schools + 2, offers: before.offers + 2, communities: before.communities + 1 });
    const listed = await admin.admin.schools.list.query({ seasonId });
    expect(listed.season.version).toBe(done.version);
    const shiyan = listed.schools.find((s) => s.code === 'shiyan-primary')!;
    expect(shiyan.places.map((p) => [p.grade, p.places, p.classes, p.classSize])).toEqual([
      [1, 450, 10, 45],
      [2, 5, null, null],
    ]);
    expect(shiyan.communities.map((c) => c.name)).toContain('新桥社区');
    expect(shiyan.version).toBe(1);
    const junior = listed.schools.find((s) => s.code === 'xinqiao-junior')!;
    expect(junior).toMatchObject({ level: 'junior', contactPhone: '13812345678', communities: [{ name: '新桥社区' }] });
    expect(junior.places.map((p) => [p.grade, p.places])).toEqual([
      [7, 300],
      [8, 20],
    ]);
    const [entry] = await adminImports();
    expect(entry!.detail).toMatchObject({
      created: ['xinqiao-primary', 'xinqiao-junior'],
      updated: ['shiyan-primary'],
      communities: ['新桥社区'],
      before: { 'shiyan-primary': { places: [{ places: 450 }] } },
      after: { 'shiyan-primary': { places: [{ places: 450, classes: 10 }, { places: 5 }] } },
    });
  });

  it('imports again from CSV files as an update (upsert by code); a stale season version answers CONFLICT and writes nothing', async () => {
    const stale = await importFiles(['good.csv', 'communities.csv']);
    const listed = await admin.admin.schools.list.query({ seasonId });
    const first = await stale.send();
    expect(first).toMatchObject({ created: 1, updated: 1, communities: 0 });
    const before = await counts();
    const refused = await refusal(
      admin.admin.importSchools.mutate({
        seasonId,
        version: listed.season.version,
        schools: stale.read.schools,
        communities: stale.read.communities,
      }),
    );
    expect(refused).toMatchObject({ message: '该招生季已被他人修改，请刷新后再试', data: { code: 'CONFLICT' } });
    expect(await counts()).toEqual(before);
    const after = await admin.admin.schools.list.query({ seasonId });
    expect(after.schools.find((s) => s.code === '0012')).toMatchObject({
      name: '桃江县零零一二小学',
      places: [{ places: 360, classes: 8, classSize: 45 }],
    });
  });

  it('refuses, as a row error, a row that takes a community out of a catchment that submitted applications from it rely on', async () => {
    const { db } = t.host.deps;
    const listed = await admin.admin.schools.list.query({ seasonId });
    const school = listed.schools.find((s) => s.code === 'zijiang-primary')!;
    const app = await parentWithApplication(db, { phone: '13900000201', now: t.host.deps.clock.now(), status: 'submitted' });
    await db
      .update(applications)
      .set({ firstSchoolId: school.schoolId, community: '牛潭河社区' })
      .where(eq(applications.id, app.applicationId));
    const before = await counts();
    const refused = await refusal(
      admin.admin.importSchools.mutate({
        seasonId,
        version: listed.season.version,
        schools: [
          {
            row: 5,
            code: 'zijiang-primary',
            name: school.name,
            level: '小学',
            address: school.address,
            phone: '',
            catchment: '资江社区',
            places: {},
          },
        ],
        communities: [],
      }),
    );
    expect(refused.data?.rowErrors).toEqual([
      {
        sheet: '学校',
        row: 5,
        column: '招生范围（社区）',
        message: '「桃江县资江小学」的招生范围不能去掉「牛潭河社区」：已有该社区的报名选择了本校',
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('imports a county’s whole list — 300 schools with their places and catchments — in one batch', async () => {
    const listed = await admin.admin.schools.list.query({ seasonId });
    const rows = Array.from({ length: 300 }, (_, i) => ({
      row: i + 2,
      code: `bulk-${i}`,
      name: `批量小学${i}`,
      level: '小学',
      address: `批量路${i}号`,
      phone: '0737-8830000',
      catchment: '资江社区、桃花社区',
      places: { 'grade1:1': '2×45', 'transfer:2': '5' },
    }));
    const started = Date.now();
    const done = await admin.admin.importSchools.mutate({ seasonId, version: listed.season.version, schools: rows, communities: [] });
    expect(done).toMatchObject({ created: 300, updated: 0 });
    expect((await admin.admin.schools.list.query({ seasonId })).schools.filter((s) => s.code.startsWith('bulk-'))).toHaveLength(300);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a county reviewer', async () => {
    const county = await signInStaff(t, 'county');
    expect((await refusal(county.admin.importSchools.mutate({ seasonId, version: 0, schools: [], communities: [] }))).data?.code).toBe(
      'FORBIDDEN',
    );
  });
});
