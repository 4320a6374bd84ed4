import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import type { EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor, readyToSubmit } from '../helpers/journey';
import { codeFromInbox, signInParent } from '../helpers/parents';
import { refusal } from '../helpers/refusal';
import { signInStaff, staffToken } from '../helpers/staff';
import { samplePng } from '../helpers/sample-files';
import { createEnrollmentClient } from '../../src/client';
import { privacyNotice } from '../../src/domain/privacy-notice';

let t: TestHost;
let c: Catalog;
let parent: EnrollmentClient;
let admin: EnrollmentClient;
let county: EnrollmentClient;
let school: EnrollmentClient;
let seq = 500;
let phones = 0;
const newParent = () => signInParent(t, `136${String(40_000_000 + phones++).slice(-8)}`);

const demoSchoolName = '桃江县实验小学';

/** A submitted application; by default naming two schools other than the demo school reviewer's. */
async function submitted(demoSchoolAs: 'first' | 'second' | 'neither' = 'neither') {
  const p = await newParent();
  const others = c.primary.filter((s) => s.name !== demoSchoolName);
  const demo = c.primary.find((s) => s.name === demoSchoolName)!;
  const picked =
    demoSchoolAs === 'first'
      ? [demo.id, others[0]!.id]
      : demoSchoolAs === 'second'
        ? [others[0]!.id, demo.id]
        : [others[0]!.id, others[1]!.id];
  const { applicationId, version } = await readyToSubmit(t, p, c, '20180120', String(seq++), picked);
  await p.applications.submit.mutate({ applicationId, version });
  return { applicationId, parent: p, version: version + 1 };
}

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  c = await catalogFor(t);
  parent = await newParent();
  [admin, county, school] = await Promise.all([signInStaff(t, 'admin'), signInStaff(t, 'county'), signInStaff(t, 'school')]);
});
afterAll(() => t?.close());

const auditCount = async (action: string, applicationId?: string) => {
  const rows = await t.host.deps.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action));
  if (!applicationId) return rows[0]!.n;
  const scoped = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.applicationId, applicationId));
  return scoped.filter((r) => r.action === action).length;
};

describe('who may call which review procedure', () => {
  it('follows the role matrix for every procedure', async () => {
    const { applicationId } = await submitted();
    type Who = 'parent' | 'county' | 'otherSchool' | 'admin';
    const clients: Record<Who, EnrollmentClient> = { parent, county, otherSchool: school, admin };
    const calls: Record<string, (x: EnrollmentClient) => Promise<unknown>> = {
      queue: (x) => x.review.queue.query({}),
      get: (x) => x.review.get.query({ applicationId }),
      stats: (x) => x.review.stats.query(),
      revealId: (x) => x.review.revealId.mutate({ applicationId, field: 'child' }),
      export: (x) => x.review.export.mutate({}),
      audit: (x) => x.review.audit.query({}),
      schoolApprove: (x) => x.review.schoolApprove.mutate({ applicationId }),
      schoolReject: (x) => x.review.schoolReject.mutate({ applicationId, reason: '不符合条件' }),
      bulkApprove: (x) => x.review.bulkApprove.mutate({ applicationIds: [applicationId] }),
    };
    const expected: Record<string, Record<Who, string>> = {
      queue: { parent: 'UNAUTHORIZED', county: 'ok', otherSchool: 'ok', admin: 'ok' },
      get: { parent: 'UNAUTHORIZED', county: 'ok', otherSchool: 'NOT_FOUND', admin: 'ok' },
      stats: { parent: 'UNAUTHORIZED', county: 'ok', otherSchool: 'ok', admin: 'ok' },
      revealId: { parent: 'UNAUTHORIZED', county: 'ok', otherSchool: 'NOT_FOUND', admin: 'ok' },
      export: { parent: 'UNAUTHORIZED', county: 'ok', otherSchool: 'ok', admin: 'ok' },
      audit: { parent: 'UNAUTHORIZED', county: 'FORBIDDEN', otherSchool: 'FORBIDDEN', admin: 'ok' },
      schoolApprove: { parent: 'UNAUTHORIZED', county: 'FORBIDDEN', otherSchool: 'NOT_FOUND', admin: 'CONFLICT' },
      schoolReject: { parent: 'UNAUTHORIZED', county: 'FORBIDDEN', otherSchool: 'NOT_FOUND', admin: 'CONFLICT' },
      bulkApprove: { parent: 'UNAUTHORIZED', county: 'ok', otherSchool: 'FORBIDDEN', admin: 'ok' },
    };
    const outcome: Record<string, Record<string, string>> = {};
    for (const [name, call] of Object.entries(calls)) {
      outcome[name] = {};
      for (const [who, client] of Object.entries(clients)) {
        outcome[name]![who] = await call(client).then(
          () => 'ok',
          (e: { data?: { code?: string } }) => e.data?.code ?? 'error',
        );
      }
    }
    expect(outcome).toEqual(expected);
  });

  it('keeps a school reviewer to applications naming the school: none of another school in the queue, stats or export', async () => {
    await submitted();
    expect((await school.review.queue.query({})).total).toBe(0);
    expect((await school.review.export.mutate({})).rows).toBe(0);
    expect((await school.review.stats.query()).byStatus).toEqual([]);
    expect((await county.review.queue.query({})).total).toBeGreaterThan(0);
  });

  it('lets the first-choice school see it and record the school decision after the county approves', async () => {
    const { applicationId, parent: p } = await submitted('first');
    expect((await school.review.queue.query({})).rows.map((r) => r.id)).toContain(applicationId);
    expect((await refusal(school.review.approve.mutate({ applicationId }))).data?.code).toBe('FORBIDDEN');
    await county.review.approve.mutate({ applicationId });
    expect((await school.review.get.query({ applicationId })).schoolDecisionAllowed).toBe(true);
    await school.review.schoolApprove.mutate({ applicationId });
    expect((await p.applications.progress.query({ applicationId })).statusName).toBe('学校审核通过');
    expect((await school.review.get.query({ applicationId })).schools.first).toBe(demoSchoolName);
  });

  it('shows the second-choice school the application read-only: its 学校审核 decisions are refused with FORBIDDEN', async () => {
    const { applicationId, parent: p } = await submitted('second');
    expect((await school.review.queue.query({})).rows.map((r) => r.id)).toContain(applicationId);
    await county.review.approve.mutate({ applicationId });
    const seen = await school.review.get.query({ applicationId });
    expect(seen.schools.second).toBe(demoSchoolName);
    expect(seen.schoolDecisionAllowed).toBe(false);
    for (const call of [
      school.review.schoolApprove.mutate({ applicationId }),
      school.review.schoolReject.mutate({ applicationId, reason: '不符合条件' }),
    ]) {
      const refused = await refusal(call);
      expect(refused.data?.code).toBe('FORBIDDEN');
      expect(refused.message).toContain('第一志愿学校');
    }
    expect((await p.applications.progress.query({ applicationId })).statusName).toBe('初审通过');
    expect((await admin.review.get.query({ applicationId })).schoolDecisionAllowed).toBe(true);
  });

  it('keeps staff and parent sessions apart', async () => {
    expect((await refusal(county.children.list.query())).data?.code).toBe('UNAUTHORIZED');
    expect((await refusal(parent.review.me.query())).data?.code).toBe('UNAUTHORIZED');
  });
});

describe('the queue', () => {
  it('filters by status, number and name, sorts, pages, and masks names', async () => {
    const a = await submitted();
    const b = await submitted();
    await county.review.approve.mutate({ applicationId: b.applicationId });
    const detailA = await county.review.get.query({ applicationId: a.applicationId });
    const byNumber = await county.review.queue.query({ q: detailA.number.slice(0, 10) });
    expect(byNumber.rows.map((r) => r.id)).toContain(a.applicationId);
    expect((await county.review.queue.query({ q: detailA.number })).rows.map((r) => r.id)).toEqual([a.applicationId]);
    const approved = await county.review.queue.query({ status: 'preliminarily_approved' });
    expect(approved.rows.every((r) => r.status === 'preliminarily_approved')).toBe(true);
    expect(approved.rows.map((r) => r.id)).toContain(b.applicationId);
    const byName = await county.review.queue.query({ q: '小明' });
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.rows.every((r) => r.childName === '李*明')).toBe(true);
    const all = await county.review.queue.query({ pageSize: 200 });
    const paged = await county.review.queue.query({ pageSize: 2, page: 2 });
    expect(paged.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));
    expect(paged.total).toBe(all.total);
    const desc = await county.review.queue.query({ sort: 'number', order: 'desc', pageSize: 200 });
    expect(desc.rows.map((r) => r.number)).toEqual([...desc.rows.map((r) => r.number)].sort().reverse());
    expect(all.rows.some((r) => r.status === 'draft')).toBe(false);
  });
});

describe('staff sign-in', () => {
  it('is audited, and locks the account at this address for 15 minutes after five wrong passwords', async () => {
    const before = await auditCount('sign_in_failed');
    for (let i = 0; i < 5; i++) {
      const e = await refusal(t.client.review.signIn.mutate({ username: 'county', password: 'wrong-password' }));
      expect(e.data?.code).toBe('UNAUTHORIZED');
      expect(e.message).toBe('用户名或密码错误');
    }
    const locked = await refusal(t.client.review.signIn.mutate({ username: 'county', password: 'demo-county-2024' }));
    expect(locked.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.message).toBe('登录失败次数过多，账号已锁定，请15分钟后再试');
    // The five password checks are audited; an attempt refused by the lock checks nothing and writes nothing.
    expect(await auditCount('sign_in_failed')).toBe(before + 5);
    t.clock.advance(15 * 60_000);
    await signInStaff(t, 'county');
    t.clock.set('2024-07-16T09:00:00+08:00');
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const e = await refusal(t.client.review.signIn.mutate({ username: 'nobody', password: 'x' }));
    expect(e.data?.code).toBe('UNAUTHORIZED');
    expect(e.message).toBe('用户名或密码错误');
  });
});

describe('decisions', () => {
  it('reject with a reason reaches the parent; the parent resubmits; approval ends withdrawals', async () => {
    const { applicationId, parent: p } = await submitted();
    expect((await refusal(county.review.reject.mutate({ applicationId, reason: '' }))).message).toBe('驳回须填写原因');
    await county.review.reject.mutate({ applicationId, reason: '户口簿照片不清晰' });
    const progress = await p.applications.progress.query({ applicationId });
    expect(progress).toMatchObject({ statusName: '已驳回', rejectReason: '户口簿照片不清晰' });
    expect(await p.messages.unreadCount.query()).toEqual({ count: 3 });
    const { version } = await p.applications.get.query({ applicationId });
    await p.applications.submit.mutate({ applicationId, version });
    await county.review.approve.mutate({ applicationId });
    expect(await p.applications.progress.query({ applicationId })).toMatchObject({ statusName: '初审通过', canWithdraw: false });
    expect((await refusal(p.applications.withdraw.mutate({ applicationId }))).data?.code).toBe('FORBIDDEN');
    expect(await auditCount('reject', applicationId)).toBe(1);
    expect(await auditCount('approve', applicationId)).toBe(1);
  });

  it('of two reviewers deciding at once, applies exactly one; the other hears 该申请已被他人处理', async () => {
    const { applicationId, version } = await submitted();
    const results = await Promise.allSettled([
      county.review.approve.mutate({ applicationId, version }),
      admin.review.reject.mutate({ applicationId, version, reason: '材料不全' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(lost.reason.data.code).toBe('CONFLICT');
    expect(lost.reason.message).toBe('该申请已被他人处理');
    const decisions = (await t.host.deps.db.select().from(auditLog).where(eq(auditLog.applicationId, applicationId))).filter(
      (r) => r.action === 'approve' || r.action === 'reject',
    );
    expect(decisions).toHaveLength(1);
    const { history } = await county.review.get.query({ applicationId });
    expect(history).toHaveLength(2);
  });

  it('approves a selection in bulk with a result per application', async () => {
    const a = await submitted();
    const b = await submitted();
    await county.review.approve.mutate({ applicationId: b.applicationId });
    const result = await county.review.bulkApprove.mutate({ applicationIds: [a.applicationId, b.applicationId] });
    expect(result.approved).toBe(1);
    expect(result.results[1]).toMatchObject({ ok: false, message: '该申请当前状态为“初审通过”，不能执行此操作' });
  });
});

describe('full ID numbers', () => {
  it('are masked in the detail and shown only on reveal, which is audited once per view', async () => {
    const { applicationId } = await submitted();
    const detail = await county.review.get.query({ applicationId });
    expect(detail.child.idNumberMasked).toMatch(/^430922\*{8}/);
    expect(JSON.stringify(detail)).not.toMatch(/\d{17}[\dX]/);
    const { idNumber } = await county.review.revealId.mutate({ applicationId, field: 'father' });
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    await county.review.revealId.mutate({ applicationId, field: 'child' });
    expect(await auditCount('reveal_id', applicationId)).toBe(2);
  });
});

describe("the parent's phone number", () => {
  it('is masked in the detail and shown in full only on reveal, which is audited once per view', async () => {
    const { applicationId } = await submitted();
    const detail = await county.review.get.query({ applicationId });
    expect(detail.parentPhoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(JSON.stringify(detail)).not.toMatch(/1\d{10}/);
    const { phone } = await county.review.revealPhone.mutate({ applicationId });
    expect(phone).toMatch(/^1\d{10}$/);
    expect(phone.slice(-4)).toBe(detail.parentPhoneMasked.slice(-4));
    expect(await auditCount('reveal_phone', applicationId)).toBe(1);
  });
});

describe('documents for reviewers', () => {
  it('serves an uploaded photo to a reviewer in scope and to nobody outside it', async () => {
    const phone = '13655556666';
    await t.client.auth.requestCode.mutate({ phone });
    const { token } = await t.client.auth.signIn.mutate({
      phone,
      code: await codeFromInbox(t, phone),
      session: 'token',
      acceptedNotice: privacyNotice.version,
    });
    const p = createEnrollmentClient({ url: t.url, token: token! });
    const others = c.primary.filter((s) => s.name !== demoSchoolName);
    const { applicationId } = await readyToSubmit(t, p, c, '20180121', String(seq++), [others[0]!.id, others[1]!.id]);
    const form = new FormData();
    form.append('applicationId', applicationId);
    form.append('kind', 'student-hukou');
    form.append('file', new Blob([samplePng as Uint8Array<ArrayBuffer>], { type: 'image/png' }), '户口页.png');
    const uploaded = await fetch(`${t.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    const { version } = await p.applications.get.query({ applicationId });
    await p.applications.submit.mutate({ applicationId, version });
    const asStaff = async (who: 'county' | 'school') =>
      fetch(`${t.url}/api/files/${id}`, { headers: { authorization: `Bearer ${await staffToken(t, who)}` } });
    const seen = await asStaff('county');
    expect(seen.status).toBe(200);
    expect(new Uint8Array(await seen.arrayBuffer())).toEqual(samplePng);
    expect(seen.headers.get('cache-control')).toBe('no-store');
    expect((await asStaff('school')).status).toBe(404);
  });
});

describe('the audit log', () => {
  it('cannot be changed or emptied, not even by the database user', async () => {
    const { $client } = t.host.deps.db;
    await expect($client.execute("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect($client.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('is read by administrators, filtered by action', async () => {
    const entries = await admin.review.audit.query({ action: 'sign_in' });
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries.every((e) => e.action === 'sign_in')).toBe(true);
  });
});

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r') continue;
    else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

describe('export', () => {
  it('gives the filtered queue as Excel-ready CSV with masked names and ID numbers, and is audited', async () => {
    const before = await auditCount('export');
    const filters = { status: 'submitted' as const };
    const { csv, rows } = await county.review.export.mutate(filters);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const table = parseCsv(csv.slice(1));
    expect(table[0]).toContain('报名编号');
    const queue = await county.review.queue.query({ ...filters, pageSize: 200 });
    expect(table.length - 1).toBe(rows);
    expect(
      table
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(queue.rows.map((r) => r.number).sort());
    for (const r of table.slice(1)) {
      expect(r[3]).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(r[2]).toContain('*');
    }
    expect(await auditCount('export')).toBe(before + 1);
  });
});
