import { and, eq } from 'drizzle-orm';
import readXlsxFile from 'read-excel-file/universal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, children } from '../../db/schema';
import { exportColumns } from '../../src/domain/placement/confirmed-export';
import { parentWithApplication, type SeededApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { publishedDraw } from '../helpers/placed';
import { signInStaff, staffToken } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let ownSchool: string;
let otherSchool: string;
const families: SeededApplication[] = [];
const numbers: string[] = [];
const childIds = ['430922201803010011', '430922201803010021', '430922201803010031', '430922201803010041'];

/** Four placed families: three at the demo school reviewer's school (confirmed, not yet answered, declined), one elsewhere. */
beforeAll(async () => {
  t = await startTestHost({ now: '2024-08-20T09:00:00+08:00' });
  c = await catalogFor(t);
  const { db, vault } = t.host.deps;
  ownSchool = (await (await signInStaff(t, 'school')).review.me.query()).schoolId!;
  otherSchool = c.primary.find((s) => s.id !== ownSchool)!.id;
  for (let i = 0; i < 4; i++) {
    const family = await parentWithApplication(db, { phone: `1370000070${i}`, now: t.clock.now(), status: 'school_approved' });
    const [row] = await db
      .update(applications)
      .set({
        community: c.community,
        form: {
          fatherName: i === 1 ? '=1+1' : `父亲${i}`,
          motherName: `母亲${i}`,
          address: `资江路${i}号`,
          studentNumber: { sealed: await vault.encrypt(`G${childIds[i]}`), masked: `G430922********00${i + 1}1` },
        },
      })
      .where(eq(applications.id, family.applicationId))
      .returning({ number: applications.number, childId: applications.childId });
    await db
      .update(children)
      .set({ idCipher: await vault.encrypt(childIds[i]!), idMasked: `430922********00${i + 1}1` })
      .where(eq(children.id, row!.childId));
    numbers.push(row!.number);
    families.push(family);
  }
  await publishedDraw(db, {
    now: t.clock.now(),
    placed: [
      { applicationId: families[0]!.applicationId, schoolId: ownSchool, confirmation: 'confirmed' },
      { applicationId: families[1]!.applicationId, schoolId: ownSchool },
      { applicationId: families[2]!.applicationId, schoolId: ownSchool, confirmation: 'declined' },
      { applicationId: families[3]!.applicationId, schoolId: otherSchool, confirmation: 'confirmed' },
    ],
  });
});
afterAll(() => t?.close());

const download = (path: string, token: string | null) =>
  fetch(`${t.url}/api/exports/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

const rowsAudited = (action: string) =>
  t.host.deps.db
    .select({ applicationId: auditLog.applicationId, username: auditLog.username, actorRole: auditLog.actorRole, detail: auditLog.detail })
    .from(auditLog)
    .where(eq(auditLog.action, action));

describe('录取名单 from the server', () => {
  it('gives a school reviewer their school’s list as a real XLSX workbook, full ID numbers, every row audited', async () => {
    const token = await staffToken(t, 'school');
    const response = await download(`confirmed.xlsx?schoolId=${ownSchool}`, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''%E5%BD%95/);
    const [sheet] = (await readXlsxFile(await response.arrayBuffer())) as unknown as { sheet: string; data: unknown[][] }[];
    expect(sheet!.sheet).toBe('录取名单');
    expect(sheet!.data[0]).toEqual([...exportColumns]);
    expect(sheet!.data).toHaveLength(4);
    const byNumber = (n: string) => sheet!.data.find((r) => r[15] === n)!;
    expect(byNumber(numbers[0]!)).toEqual([
      '测试儿童',
      '男',
      '2018-03-01',
      '居民身份证',
      '430922201803010011',
      'G430922201803010011',
      '一年级',
      expect.any(String),
      expect.any(String),
      c.community,
      '资江路0号',
      null,
      '父亲0',
      '母亲0',
      '13700000700',
      numbers[0],
      '已确认',
    ]);
    expect(byNumber(numbers[1]!)[12]).toBe('=1+1'); // text, never a formula
    expect(sheet!.data.map((r) => r[15])).not.toContain(numbers[3]);

    const summary = await rowsAudited('confirmed_export');
    expect(summary).toEqual([
      {
        applicationId: null,
        username: 'school',
        actorRole: 'school_reviewer',
        detail: { schoolId: ownSchool, seasonId: c.region.season.id, state: null, format: 'xlsx', fullIdNumbers: true, rows: 3 },
      },
    ]);
    const rows = await rowsAudited('confirmed_export_row_full_id');
    expect(rows.map((r) => r.applicationId).sort()).toEqual(
      families
        .slice(0, 3)
        .map((f) => f.applicationId)
        .sort(),
    );
    expect(rows.every((r) => r.username === 'school' && r.actorRole === 'school_reviewer')).toBe(true);
  });

  it('gives CSV with a BOM, CRLF, formula-looking text neutralised, filtered by 确认状态', async () => {
    const token = await staffToken(t, 'county');
    const response = await download(`confirmed.csv?schoolId=${ownSchool}&seasonId=${c.region.season.id}&state=pending`, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('x-export-rows')).toBe('1');
    const raw = new Uint8Array(await response.arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(raw).split('\r\n');
    expect(lines[0]).toBe(exportColumns.join(',')); // TextDecoder drops the BOM
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(",'=1+1,");
    expect(lines[1]).toContain(',430922201803010021,');
    expect(lines[1]!.endsWith(`,${numbers[1]},待确认`)).toBe(true);
    expect(lines[2]).toBe('');
    const rows = await rowsAudited('confirmed_export_row_full_id');
    expect(rows.filter((r) => r.username === 'county').map((r) => r.applicationId)).toEqual([families[1]!.applicationId]);
  });

  it('refuses anonymous callers (401) and a school reviewer another school’s list (403), writing nothing', async () => {
    const before = (await rowsAudited('confirmed_export')).length;
    const anonymous = await download(`confirmed.xlsx?schoolId=${ownSchool}`, null);
    expect(anonymous.status).toBe(401);
    const school = await staffToken(t, 'school');
    const other = await download(`confirmed.csv?schoolId=${otherSchool}`, school);
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({
      error: { code: 'FORBIDDEN', domainCode: 'STAFF_FORBIDDEN', message: '只能查看本校的录取名单' },
    });
    const bad = await download('confirmed.csv?schoolId=nope', school);
    expect(bad.status).toBe(400);
    expect((await rowsAudited('confirmed_export')).length).toBe(before);
  });

  it('lets a key with placements.read download its school’s list, ID numbers masked, audited with the key’s name', async () => {
    const admin = await signInStaff(t, 'admin');
    const key = await admin.admin.integrationKeys.create.mutate({ name: '学籍系统', scopes: ['placements.read'], schoolId: otherSchool });
    const response = await download(`confirmed.csv?schoolId=${otherSchool}`, key.token);
    expect(response.status).toBe(200);
    const [, line, end] = (await response.text()).split('\r\n');
    expect(line).toContain(',430922********0041,G430922********0041,');
    expect(line).not.toContain('430922201803010041');
    expect(end).toBe('');
    const rows = await t.host.deps.db
      .select({ applicationId: auditLog.applicationId, keyId: auditLog.keyId, actorRole: auditLog.actorRole, staffId: auditLog.staffId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'confirmed_export_row'), eq(auditLog.username, '学籍系统')));
    expect(rows).toEqual([{ applicationId: families[3]!.applicationId, keyId: key.id, actorRole: 'key', staffId: null }]);
    const [summary] = await t.host.deps.db
      .select({ detail: auditLog.detail, keyId: auditLog.keyId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'confirmed_export'), eq(auditLog.username, '学籍系统')));
    expect(summary).toEqual({ keyId: key.id, detail: expect.objectContaining({ schoolId: otherSchool, fullIdNumbers: false, rows: 1 }) });
  });

  it('refuses a key without placements.read, and a school’s key another school’s list (403), writing nothing', async () => {
    const admin = await signInStaff(t, 'admin');
    const catalogOnly = await admin.admin.integrationKeys.create.mutate({ name: '目录系统', scopes: ['catalog.read'] });
    const schoolKey = await admin.admin.integrationKeys.create.mutate({
      name: '本校学籍',
      scopes: ['placements.read'],
      schoolId: ownSchool,
    });
    const before = (await rowsAudited('confirmed_export')).length;
    const noScope = await download(`confirmed.xlsx?schoolId=${ownSchool}`, catalogOnly.token);
    expect(noScope.status).toBe(403);
    expect(await noScope.json()).toMatchObject({ error: { code: 'FORBIDDEN', domainCode: 'KEY_SCOPE_MISSING' } });
    const other = await download(`confirmed.csv?schoolId=${otherSchool}`, schoolKey.token);
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ error: { code: 'FORBIDDEN', domainCode: 'KEY_OTHER_SCHOOL' } });
    const unknown = await download(`confirmed.csv?schoolId=${ownSchool}`, `${schoolKey.token.slice(0, -4)}AAAA`);
    expect(unknown.status).toBe(401);
    expect((await rowsAudited('confirmed_export')).length).toBe(before);
  });
});
