import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox, rateLimits, smsCodes } from '../../db/schema';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { maxDocumentBytes } from '../../src/domain/file-types';
import { randomId } from '../../src/adapters/random';
import { limits } from '../../src/domain/limits';
import { clientFrom, fetchFrom } from '../helpers/from-address';
import { startTestHost, type TestHost } from '../helpers/host';
import { residentId } from '../helpers/identity';
import { type Catalog, catalogFor } from '../helpers/journey';
import { parentsInDatabase, signInParent } from '../helpers/parents';
import { refusal } from '../helpers/refusal';
import { pngOfSize, samplePng } from '../helpers/sample-files';
import { signInStaff } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
beforeAll(async () => {
  t = await startTestHost();
  c = await catalogFor(t);
});
afterAll(() => t?.close());

let seq = 100;
const nextChildId = () => residentId('20180301', String(seq++).padStart(3, '0'));

let accounts = 0;
/** Parents with sessions written straight into the database, each call with phones of its own. */
async function freshParents(n: number) {
  const made = await parentsInDatabase(t, n, accounts);
  accounts += n;
  return made;
}

const precheckOf = (client: EnrollmentClient, childId: string) =>
  client.applications.precheck.mutate({ childId, entryId: c.entry('grade1').id, parentIdNumber: residentId('19850101', '011') }).then(
    () => 'answered',
    (e: unknown) => e,
  );

describe('通道预查 cannot be used as an oracle', () => {
  it('answers one account 20 times an hour: of 26 racing requests exactly 20 are answered', async () => {
    const [made] = await freshParents(1);
    const address = '127.0.3.1';
    const client = clientFrom(t.url, address, made!.token);
    const child = await client.children.add.mutate({ name: '李小明', idType: 'resident', idNumber: nextChildId() });
    const results = await Promise.all(Array.from({ length: 26 }, () => precheckOf(clientFrom(t.url, address, made!.token), child.id)));
    expect(results.filter((r) => r === 'answered')).toHaveLength(limits.precheckPerAccount.limit);
    const limited = results.filter((r) => r !== 'answered') as Awaited<ReturnType<typeof refusal>>[];
    expect(limited).toHaveLength(26 - limits.precheckPerAccount.limit);
    for (const e of limited) expect(e.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', domainCode: 'RATE_LIMITED' });
    expect(limited[0]!.message).toMatch(/^预查次数过多，请\d+(分钟|小时)后再试$/);
    expect(limited[0]!.data?.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited[0]!.data?.retryAfterSeconds).toBeLessThanOrEqual(3600);

    t.clock.advance(3_600_000);
    expect(await precheckOf(client, child.id)).toBe('answered');
    t.clock.set('2024-07-20T10:00:00+08:00');
  });

  it('answers one address 120 times an hour across accounts', async () => {
    const address = '127.0.3.2';
    const made = await freshParents(7);
    const withChildren = await Promise.all(
      made.map(async (p) => {
        const client = clientFrom(t.url, address, p.token);
        const child = await client.children.add.mutate({ name: '李小明', idType: 'resident', idNumber: nextChildId() });
        return { token: p.token, childId: child.id };
      }),
    );
    const results: unknown[] = [];
    for (let round = 0; round < 18; round++) {
      results.push(...(await Promise.all(withChildren.map((p) => precheckOf(clientFrom(t.url, address, p.token), p.childId)))));
    }
    expect(results.filter((r) => r === 'answered')).toHaveLength(limits.precheckPerAddress.limit);
    const limited = results.filter((r) => r !== 'answered') as Awaited<ReturnType<typeof refusal>>[];
    expect(limited.every((e) => e.message.startsWith('当前网络预查次数过多，请'))).toBe(true);
    // Another address is not affected.
    expect(await precheckOf(clientFrom(t.url, '127.0.3.3', withChildren[0]!.token), withChildren[0]!.childId)).toBe('answered');
  });
});

describe('lookups that tell whether a person exists', () => {
  it('limits how often one account learns that a number is taken (更换手机号)', async () => {
    const taken = await freshParents(12);
    const asker = clientFrom(t.url, '127.0.4.1', taken[0]!.token);
    for (let i = 1; i <= limits.phoneLookupPerAccount.limit; i++) {
      const e = await refusal(asker.auth.requestCode.mutate({ phone: taken[i]!.phone, purpose: 'change_phone' }));
      expect(e.data?.domainCode).toBe('PHONE_TAKEN');
    }
    const e = await refusal(asker.auth.requestCode.mutate({ phone: taken[11]!.phone, purpose: 'change_phone' }));
    expect(e.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', domainCode: 'RATE_LIMITED' });
    expect(e.message).toMatch(/^更换手机号的尝试过于频繁，请\d+(分钟|小时)后再试$/);
    expect(e.data?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('limits how often one account learns which phone holds a child (添加孩子)', async () => {
    const [holder, other] = await freshParents(2);
    const idNumber = nextChildId();
    await clientFrom(t.url, '127.0.4.2', holder!.token).children.add.mutate({ name: '王小红', idType: 'resident', idNumber });
    const squatter = clientFrom(t.url, '127.0.4.3', other!.token);
    for (let i = 0; i < limits.childLookupPerAccount.limit; i++) {
      const e = await refusal(squatter.children.add.mutate({ name: '王小红', idType: 'resident', idNumber }));
      expect(e.data?.domainCode).toBe('CHILD_ALREADY_BOUND');
    }
    const e = await refusal(squatter.children.add.mutate({ name: '王小红', idType: 'resident', idNumber }));
    expect(e.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', domainCode: 'RATE_LIMITED' });
    expect(e.message).not.toContain('****');
    expect(e.data?.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('uploads', () => {
  const uploadFrom = async (address: string, token: string, bytes: Uint8Array, applicationId = randomId()) => {
    const body = new FormData();
    body.append('applicationId', applicationId);
    body.append('kind', 'student-hukou');
    body.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }), 'photo.png');
    const res = await fetchFrom(address)(`${t.url}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, origin: t.url },
      body,
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as { error?: { code: string; domainCode: string; message: string; retryAfterSeconds?: number } },
    };
  };

  it('takes 60 files an hour from one account: of 64 racing uploads exactly 60 get past the limit', async () => {
    const [made] = await freshParents(1);
    const answers = await Promise.all(Array.from({ length: 64 }, () => uploadFrom('127.0.5.1', made!.token, samplePng)));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(64 - limits.uploadsPerAccount.limit);
    // The others reached the application check (these ids name no application of this parent).
    expect(answers.filter((a) => a.body.error?.domainCode === 'APPLICATION_NOT_FOUND')).toHaveLength(limits.uploadsPerAccount.limit);
    expect(limited[0]!.body.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', domainCode: 'RATE_LIMITED' });
    expect(limited[0]!.body.error!.message).toMatch(/^上传文件过于频繁，请\d+(分钟|小时)后再试$/);
    expect(limited[0]!.body.error!.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited[0]!.retryAfter).toBe(String(limited[0]!.body.error!.retryAfterSeconds));
  });

  it('takes at most 100 MiB a day from one account', async () => {
    const [made] = await freshParents(1);
    const big = pngOfSize(maxDocumentBytes);
    const fits = Math.floor(limits.uploadBytesPerAccount.limit / maxDocumentBytes);
    for (let i = 0; i < fits; i++) expect((await uploadFrom('127.0.5.2', made!.token, big)).status).not.toBe(429);
    const refused = await uploadFrom('127.0.5.2', made!.token, big);
    expect(refused.status).toBe(429);
    expect(refused.body.error!.message).toMatch(/^今日上传的文件总量已达上限，请\d+小时后再试$/);
    // What is left of the day's bytes still takes a small photo.
    expect((await uploadFrom('127.0.5.2', made!.token, samplePng)).status).not.toBe(429);
  });

  it('takes 300 files an hour from one address across accounts', async () => {
    const made = await freshParents(6);
    const answers = [];
    for (const p of made)
      answers.push(...(await Promise.all(Array.from({ length: 51 }, () => uploadFrom('127.0.5.3', p.token, samplePng)))));
    expect(answers.filter((a) => a.status !== 429)).toHaveLength(limits.uploadsPerAddress.limit);
    expect(answers.find((a) => a.status === 429)?.body.error?.message).toMatch(/^当前网络上传文件过于频繁/);
  });
});

describe('the hourly SMS budget', () => {
  let budgeted: TestHost;
  beforeAll(async () => {
    budgeted = await startTestHost({ now: '2024-07-20T10:00:00+08:00', env: { SMS_HOURLY_BUDGET: '5' } });
  });
  afterAll(() => budgeted?.close());

  const requestFrom = (address: string, phone: string) =>
    clientFrom(budgeted.url, address)
      .auth.requestCode.mutate({ phone })
      .then(
        () => 'sent',
        (e: unknown) => e,
      );
  const budgetUsed = async () =>
    (await budgeted.host.deps.db.select({ used: rateLimits.used }).from(rateLimits).where(eq(rateLimits.bucket, 'sms:all'))).reduce(
      (sum, r) => sum + r.used,
      0,
    );

  it('sends exactly the budget of 9 racing requests from 9 addresses, refuses the rest and raises one alarm', async () => {
    const results = await Promise.all(Array.from({ length: 9 }, (_, i) => requestFrom(`127.0.6.${i + 1}`, `1350000000${i}`)));
    expect(results.filter((r) => r === 'sent')).toHaveLength(5);
    // The code and its SMS are written only within the budget: in the same batch, after the limits.
    const [codes] = await budgeted.host.deps.db.select({ n: count() }).from(smsCodes);
    const [queued] = await budgeted.host.deps.db.select({ n: count() }).from(outbox);
    expect([codes!.n, queued!.n]).toEqual([5, 5]);
    const refused = results.filter((r) => r !== 'sent') as Awaited<ReturnType<typeof refusal>>[];
    expect(refused).toHaveLength(4);
    for (const e of refused) {
      expect(e.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', domainCode: 'RATE_LIMITED' });
      expect(e.message).toMatch(/^短信发送量已达本时段上限，请\d+(分钟|小时)后再试$/);
    }
    const admin = await signInStaff(budgeted, 'admin');
    const alerts = await admin.admin.alerts.query();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'sms_budget' });
    expect(alerts[0]!.message).toContain('SMS_HOURLY_BUDGET');
  });

  it('takes nothing from the budget for a request refused for its number or address', async () => {
    budgeted.clock.advance(3_600_000);
    const before = await budgetUsed();
    expect(await requestFrom('127.0.6.20', '13500000020')).toBe('sent');
    const tooSoon = (await requestFrom('127.0.6.20', '13500000020')) as Awaited<ReturnType<typeof refusal>>;
    expect(tooSoon.data?.domainCode).toBe('CODE_TOO_SOON');
    expect(tooSoon.data?.retryAfterSeconds).toBe(60);
    expect(await budgetUsed()).toBe(before + 1);
  });

  it('is shown to administrators until one acknowledges it (audited once); other staff cannot see it', async () => {
    const admin = await signInStaff(budgeted, 'admin');
    const [alert] = await admin.admin.alerts.query();
    const county = await signInStaff(budgeted, 'county');
    expect((await refusal(county.admin.alerts.query())).data?.code).toBe('FORBIDDEN');
    expect((await refusal(county.admin.acknowledgeAlert.mutate({ alertId: alert!.id }))).data?.code).toBe('FORBIDDEN');
    expect((await refusal(createEnrollmentClient({ url: budgeted.url }).admin.alerts.query())).data?.code).toBe('UNAUTHORIZED');

    const other = await signInStaff(budgeted, 'admin');
    await Promise.all([
      admin.admin.acknowledgeAlert.mutate({ alertId: alert!.id }),
      other.admin.acknowledgeAlert.mutate({ alertId: alert!.id }),
    ]);
    expect(await admin.admin.alerts.query()).toEqual([]);
    const [acknowledgements] = await budgeted.host.deps.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'alert_acknowledge'));
    expect(acknowledgements!.n).toBe(1);
    expect((await refusal(admin.admin.acknowledgeAlert.mutate({ alertId: randomId() }))).data?.code).toBe('NOT_FOUND');
  });

  it('raises a new alarm in the next hour when the budget runs out again', async () => {
    budgeted.clock.advance(3_600_000);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await requestFrom(`127.0.7.${i + 1}`, `1350000010${i}`));
    expect(results.filter((r) => r === 'sent')).toHaveLength(5);
    const admin = await signInStaff(budgeted, 'admin');
    expect(await admin.admin.alerts.query()).toHaveLength(1);
  });
});

describe('the sweeper', () => {
  it('prunes counters of windows two days old', async () => {
    const { sweep } = await import('../../src/services/sweep');
    await signInParent(t, '13600000099');
    const rows = async () => (await t.host.deps.db.select({ n: count() }).from(rateLimits))[0]!.n;
    expect(await rows()).toBeGreaterThan(0);
    t.clock.advance(3 * 24 * 3_600_000);
    const report = await sweep(t.host.deps);
    expect(report.limitsPruned).toBeGreaterThan(0);
    expect(await rows()).toBe(0);
    t.clock.set('2024-07-20T10:00:00+08:00');
  });
});
