import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, messages, outbox, windows } from '../../db/schema';
import { seedCatalog } from '../../db/seed';
import type { EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { residentId } from '../helpers/identity';
import { type Catalog, catalogFor, readyToSubmit } from '../helpers/journey';
import { signInParent } from '../helpers/parents';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { signInStaff, staffToken } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let admin: EnrollmentClient;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
  c = await catalogFor(t);
  admin = await signInStaff(t, 'admin');
});
afterAll(() => t?.close());

const grade1Window = async () => (await admin.admin.windows.query()).find((w) => w.entryCode === 'grade1')!;

describe('an administrator moves a registration window', () => {
  it('extends the open grade-1 window: families with an unfinished application are told, submitted ones are not, and the change is audited', async () => {
    const drafting = await signInParent(t, '13600000001');
    const child = await drafting.children.add.mutate({ name: '钱草稿', idType: 'resident', idNumber: residentId('20180305', '101') });
    await drafting.applications.start.mutate({ childId: child.id, entryId: c.entry('grade1').id, acceptDeclaration: true });
    const done = await signInParent(t, '13600000002');
    const { applicationId, version } = await readyToSubmit(t, done, c, '20180306', '103');
    await done.applications.submit.mutate({ applicationId, version });

    const window = await grade1Window();
    expect(window).toMatchObject({ state: 'open', closesAt: '2024-07-25T16:00:00.000Z' });
    const changed = await admin.admin.changeWindow.mutate({
      windowId: window.id,
      version: window.version,
      opensAt: '2024-07-15T00:00:00+08:00',
      closesAt: '2024-07-28T00:00:00+08:00',
    });
    expect(changed).toMatchObject({ version: window.version + 1, notified: 1 });
    expect((await grade1Window()).closesAt).toBe('2024-07-27T16:00:00.000Z');
    // A restart seeds the catalog again: what the administrator changed stays.
    await seedCatalog(t.host.deps.db);
    expect(await grade1Window()).toMatchObject({ closesAt: '2024-07-27T16:00:00.000Z', version: window.version + 1 });
    const region = await t.client.catalog.region.query({ regionId: c.region.id });
    expect(region.entries.find((e) => e.code === 'grade1')!.window.text).toBe('2024-07-15 00:00 至 2024-07-27 24:00（北京时间）');

    const { db } = t.host.deps;
    const told = await db.select().from(messages).where(eq(messages.title, '报名时间已延长'));
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('2024-07-15 00:00 至 2024-07-27 24:00（北京时间）');
    const sms = await db.select().from(outbox).where(eq(outbox.phone, '13600000001'));
    expect(sms.map((s) => s.body)).toContainEqual(told[0]!.body);
    expect((await db.select().from(outbox).where(eq(outbox.phone, '13600000002'))).map((s) => s.body)).not.toContainEqual(told[0]!.body);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'window_change'));
    expect(entry!.detail).toMatchObject({
      before: '2024-07-15 00:00 至 2024-07-25 24:00（北京时间）；驳回后3天内可修改',
      after: '2024-07-15 00:00 至 2024-07-27 24:00（北京时间）；驳回后3天内可修改',
      notified: 1,
    });
  });

  it('refuses a close in the past, a new opening once open, and a stale version, with nothing written', async () => {
    const window = await grade1Window();
    const base = { windowId: window.id, version: window.version, opensAt: '2024-07-15T00:00:00+08:00' };
    const past = await refusal(admin.admin.changeWindow.mutate({ ...base, closesAt: '2024-07-20T09:00:00+08:00' }));
    expect(past).toMatchObject({ data: { code: 'BAD_REQUEST' }, message: '截止时间不能早于当前时间' });
    const opening = await refusal(
      admin.admin.changeWindow.mutate({ ...base, opensAt: '2024-07-16T00:00:00+08:00', closesAt: window.closesAt }),
    );
    expect(opening.message).toBe('报名已开始，不能修改开始时间');
    const stale = await refusal(
      admin.admin.changeWindow.mutate({ ...base, version: window.version - 1, closesAt: '2024-07-29T00:00:00+08:00' }),
    );
    expect(stale).toMatchObject({ data: { code: 'CONFLICT' }, message: '报名时间已被他人修改，请刷新后再试' });
    expect(await grade1Window()).toEqual(window);
    const county = await signInStaff(t, 'county');
    expect((await refusal(county.admin.changeWindow.mutate({ ...base, closesAt: '2024-07-29T00:00:00+08:00' }))).data?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('lets exactly one of two administrators changing the same version through', async () => {
    const window = await grade1Window();
    const token = await staffToken(t, 'admin');
    const [a, b] = racers(t.url, 2, token);
    const results = await Promise.allSettled(
      ['2024-07-29T00:00:00+08:00', '2024-07-30T00:00:00+08:00'].map((closesAt, i) =>
        [a, b][i]!.admin.changeWindow.mutate({
          windowId: window.id,
          version: window.version,
          opensAt: '2024-07-15T00:00:00+08:00',
          closesAt,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as { data?: { code?: string } }).data?.code).toBe('CONFLICT');
    const [row] = await t.host.deps.db.select().from(windows).where(eq(windows.id, window.id));
    expect(row!.version).toBe(window.version + 1);
    const audits = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'window_change'));
    expect(audits).toHaveLength(2);
  });

  it('sets the days a rejected family has to correct and when the reviews end, which the family reads on 报名进度', async () => {
    const parent = await signInParent(t, '13600000003');
    const { applicationId, version } = await readyToSubmit(t, parent, c, '20180308', '107');
    await parent.applications.submit.mutate({ applicationId, version });
    const window = await grade1Window();
    const changed = await admin.admin.changeWindow.mutate({
      windowId: window.id,
      version: window.version,
      opensAt: window.opensAt,
      closesAt: window.closesAt,
      correctionDays: 10,
      reviewEndsAt: '2024-08-05T00:00:00+08:00',
      schoolReviewEndsAt: '2024-08-15T00:00:00+08:00',
    });
    expect(changed.notified).toBe(0);
    const progress = await parent.applications.progress.query({ applicationId });
    expect(progress.window).toMatchObject({ reviewEndsAt: '2024-08-04T16:00:00.000Z', schoolReviewEndsAt: '2024-08-14T16:00:00.000Z' });
    const county = await signInStaff(t, 'county');
    const { version: submitted } = await county.review.get.query({ applicationId });
    await county.review.reject.mutate({ applicationId, version: submitted, reason: '户口簿照片不清晰' });
    // Rejected on 20 July: ten days from then is later than the close.
    expect((await parent.applications.progress.query({ applicationId })).correctionDeadline).toBe('2024-07-30T02:00:00.000Z');
    const wrong = await refusal(
      admin.admin.changeWindow.mutate({
        windowId: window.id,
        version: changed.version,
        opensAt: window.opensAt,
        closesAt: window.closesAt,
        reviewEndsAt: '2024-07-25T00:00:00+08:00',
      }),
    );
    expect(wrong).toMatchObject({ data: { code: 'BAD_REQUEST' }, message: '网上初审结束时间须晚于报名截止时间' });
  });
});
