import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createEnrollmentClient } from '../../src/client';
import { limits, maxBatchSize } from '../../src/domain/limits';
import { staffPolicy } from '../../src/domain/staff-policy';
import { clientFrom, fetchFrom } from '../helpers/from-address';
import { startTestHost, type TestHost } from '../helpers/host';
import { signInParent } from '../helpers/parents';
import { refusal } from '../helpers/refusal';
import { signInStaff } from '../helpers/staff';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
});
afterAll(() => t?.close());

const failedSignIns = async (username?: string) => {
  const where = username
    ? and(eq(auditLog.action, 'sign_in_failed'), eq(auditLog.username, username))
    : eq(auditLog.action, 'sign_in_failed');
  return (await t.host.deps.db.select({ n: count() }).from(auditLog).where(where))[0]!.n;
};

/** `review.signIn` from one address, in a request of its own. */
const signInFrom = (address: string, username: string, password: string) =>
  clientFrom(t.url, address).review.signIn.mutate({ username, password, session: 'token' });

/** One HTTP request carrying `n` `review.signIn` calls (what a hostile client sends; ours split batches). */
async function rawSignInBatch(n: number, address: string) {
  const paths = Array.from({ length: n }, () => 'review.signIn').join(',');
  const body = Object.fromEntries(
    Array.from({ length: n }, (_, i) => [String(i), { username: `guess${i}`, password: 'wrong-password', session: 'token' }]),
  );
  const started = performance.now();
  const response = await fetchFrom(address)(`${t.url}/trpc/${paths}?batch=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown, ms: performance.now() - started };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('one request cannot hold the server', () => {
  it('refuses a batch of 400 sign-ins before running any, while a parent’s 个人中心 stays fast', async () => {
    const parent = await signInParent(t, '13700000001');
    const baseline: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await parent.auth.me.query();
      baseline.push(performance.now() - started);
    }
    const auditedBefore = await failedSignIns();

    const batch = rawSignInBatch(400, '127.0.1.1');
    await new Promise((r) => setTimeout(r, 5));
    const started = performance.now();
    await parent.auth.me.query();
    const meDuringBatch = performance.now() - started;
    const answer = await batch;

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: {
        message: `一次请求最多包含${maxBatchSize}个调用，请分批发送`,
        data: { code: 'BAD_REQUEST', httpStatus: 400, domainCode: 'BATCH_TOO_LARGE' },
      },
    });
    expect(await failedSignIns()).toBe(auditedBefore);
    // 400 password checks take seconds even on a fast machine; the bounds are loose for a busy one.
    expect(answer.ms).toBeLessThan(2_000);
    expect(meDuringBatch).toBeLessThan(Math.max(1_000, 20 * median(baseline)));
  });

  it('runs one password check for a batch of ten sign-ins and refuses the other nine', async () => {
    const auditedBefore = await failedSignIns();
    const answer = await rawSignInBatch(maxBatchSize, '127.0.1.2');
    const results = answer.body as { error?: { message: string; data: { code: string; domainCode: string; retryAfterSeconds: number } } }[];
    expect(results).toHaveLength(maxBatchSize);
    expect(results.filter((r) => r.error?.data.code === 'UNAUTHORIZED')).toHaveLength(1);
    const refused = results.filter((r) => r.error?.data.domainCode === 'RATE_LIMITED');
    expect(refused).toHaveLength(maxBatchSize - 1);
    expect(refused[0]!.error!.message).toBe('一次请求只能尝试登录一次，请稍后再试');
    expect(refused[0]!.error!.data.retryAfterSeconds).toBeGreaterThan(0);
    expect(await failedSignIns()).toBe(auditedBefore + 1);
  });

  it('lets our own client send many calls at once: it splits them into batches the server accepts', async () => {
    const regions = await Promise.all(Array.from({ length: 3 * maxBatchSize }, () => t.client.catalog.regions.query()));
    expect(regions).toHaveLength(3 * maxBatchSize);
  });

  it('limits sign-in attempts per address before any password check or audit entry: exactly 30 of 36 racing requests run', async () => {
    const address = '127.0.1.3';
    const auditedBefore = await failedSignIns();
    const attempts = 36;
    const answers = await Promise.all(
      Array.from({ length: attempts }, (_, i) => refusal(signInFrom(address, `racer${i}`, 'wrong-password'))),
    );
    const allowed = limits.staffSignInPerAddress.limit;
    expect(answers.filter((e) => e.data?.code === 'UNAUTHORIZED')).toHaveLength(allowed);
    const limited = answers.filter((e) => e.data?.domainCode === 'RATE_LIMITED');
    expect(limited).toHaveLength(attempts - allowed);
    expect(limited[0]!.message).toMatch(/^当前网络登录尝试过于频繁，请\d+分钟后再试$/);
    expect(limited[0]!.data?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await failedSignIns()).toBe(auditedBefore + allowed);
    // Another address is not limited by this one.
    await signInStaff(t, 'county');
  });
});

describe('staff lockout', () => {
  it('locks a name at the attacking address only: the administrator signs in from another address meanwhile', async () => {
    const attacker = '127.0.2.1';
    for (let i = 0; i < staffPolicy.maxFailedAttempts; i++) {
      const e = await refusal(signInFrom(attacker, 'admin', 'wrong-password'));
      expect(e.message).toBe('用户名或密码错误');
    }
    const fromOffice = await clientFrom(t.url, '127.0.2.2').review.signIn.mutate({
      username: 'admin',
      password: 'demo-admin-2024',
      session: 'token',
    });
    expect(fromOffice.staff.username).toBe('admin');

    const locked = await refusal(signInFrom(attacker, 'admin', 'demo-admin-2024'));
    expect(locked.data?.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.data?.domainCode).toBe('STAFF_LOCKED');
    expect(locked.message).toBe('登录失败次数过多，账号已锁定，请15分钟后再试');
    expect(locked.data?.retryAfterSeconds).toBe(15 * 60);
  });

  it('starts counting again when a lock expires, and locks longer the next time', async () => {
    const address = '127.0.2.3';
    const fail = () => refusal(signInFrom(address, 'school', 'wrong-password'));
    for (let i = 0; i < staffPolicy.maxFailedAttempts; i++) await fail();
    expect((await fail()).data?.retryAfterSeconds).toBe(15 * 60);

    t.clock.advance(15 * 60_000);
    for (let i = 0; i < staffPolicy.maxFailedAttempts; i++) {
      const e = await fail();
      expect(e.data?.code, `attempt ${i + 1} after the lock expired`).toBe('UNAUTHORIZED');
    }
    const second = await fail();
    expect(second.data?.domainCode).toBe('STAFF_LOCKED');
    expect(second.message).toBe('登录失败次数过多，账号已锁定，请30分钟后再试');

    t.clock.advance(30 * 60_000);
    const member = await clientFrom(t.url, address).review.signIn.mutate({
      username: 'school',
      password: 'demo-school-2024',
      session: 'token',
    });
    expect(member.staff.username).toBe('school');
    t.clock.set('2024-07-16T09:00:00+08:00');
  });

  it('answers an unknown name exactly as a real one: same texts, codes, lock and time', async () => {
    const address = '127.0.2.4';
    const answers = async (username: string) => {
      const out: { code?: string; domainCode?: string | null; message: string; ms: number }[] = [];
      for (let i = 0; i <= staffPolicy.maxFailedAttempts; i++) {
        const started = performance.now();
        const e = await refusal(signInFrom(address, username, 'wrong-password'));
        out.push({ code: e.data?.code, domainCode: e.data?.domainCode, message: e.message, ms: performance.now() - started });
      }
      return out;
    };
    const real = await answers('county');
    const unknown = await answers('nobody-here');
    const shape = (xs: typeof real) => xs.map(({ ms: _, ...rest }) => rest);
    expect(shape(unknown)).toEqual(shape(real));
    expect(real.at(-1)!.domainCode).toBe('STAFF_LOCKED');
    // Both run the same password check: the unknown name is not answered noticeably faster.
    const checked = (xs: typeof real) => median(xs.slice(0, staffPolicy.maxFailedAttempts).map((x) => x.ms));
    expect(checked(unknown)).toBeGreaterThan(checked(real) * 0.5);
  });

  it('of ten wrong passwords racing from one address, checks exactly five and locks the name', async () => {
    const address = '127.0.2.5';
    const before = await failedSignIns('county');
    const answers = await Promise.all(Array.from({ length: 10 }, () => refusal(signInFrom(address, 'county', 'wrong-password'))));
    expect(answers.filter((e) => e.data?.code === 'UNAUTHORIZED')).toHaveLength(staffPolicy.maxFailedAttempts);
    expect(answers.filter((e) => e.data?.domainCode === 'STAFF_LOCKED')).toHaveLength(10 - staffPolicy.maxFailedAttempts);
    expect(await failedSignIns('county')).toBe(before + staffPolicy.maxFailedAttempts);
    expect((await refusal(signInFrom(address, 'county', 'demo-county-2024'))).data?.domainCode).toBe('STAFF_LOCKED');
  });

  it('shows administrators which names are locked', async () => {
    const admin = await signInStaff(t, 'admin');
    const list = await admin.admin.staff.query();
    expect(list.find((s) => s.username === 'county')?.locked).toBe(true);
  });
});

describe('staff sessions', () => {
  it('end when an administrator sets a new password, and stay ended when an account is disabled and enabled again', async () => {
    const admin = await signInStaff(t, 'admin');
    const [school] = (await admin.admin.staff.query()).filter((s) => s.username === 'school');
    const oldSession = await signInStaff(t, 'school');
    await oldSession.review.me.query();
    await admin.admin.updateStaff.mutate({ staffId: school!.id, password: 'a-new-password-2024' });
    expect((await refusal(oldSession.review.me.query())).data?.code).toBe('UNAUTHORIZED');
    await admin.review.me.query();

    const fresh = await createEnrollmentClient({ url: t.url }).review.signIn.mutate({
      username: 'school',
      password: 'a-new-password-2024',
      session: 'token',
    });
    const again = createEnrollmentClient({ url: t.url, token: fresh.token! });
    await admin.admin.updateStaff.mutate({ staffId: school!.id, disabled: true });
    await admin.admin.updateStaff.mutate({ staffId: school!.id, disabled: false });
    expect((await refusal(again.review.me.query())).data?.code).toBe('UNAUTHORIZED');
  });

  it('end for the administrator’s own other sessions on a new own password, but not the one in use', async () => {
    const admin = await signInStaff(t, 'admin');
    const elsewhere = await signInStaff(t, 'admin');
    const me = await admin.review.me.query();
    await admin.admin.updateStaff.mutate({ staffId: me.staffId, password: 'demo-admin-2024' });
    await admin.review.me.query();
    expect((await refusal(elsewhere.review.me.query())).data?.code).toBe('UNAUTHORIZED');
  });
});
