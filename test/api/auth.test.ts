import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consents, sessions } from '../../db/schema';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { codeFromInbox, signInParent } from '../helpers/parents';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { privacyNotice } from '../../src/domain/privacy-notice';

let t: TestHost;
let phoneSeq = 0;
const freshPhone = () => `137${String(20_000_000 + phoneSeq++).slice(-8)}`;

beforeAll(async () => {
  t = await startTestHost();
});
afterAll(() => t?.close());

/** Waits until the parent's session shows the visit at the test clock's now (it is written after the answer). */
async function seenNow(parent: EnrollmentClient) {
  const { accountId } = await parent.auth.me.query();
  const now = t.clock.now().getTime();
  await expect
    .poll(async () => {
      const rows = await t.host.deps.db.select({ lastSeenAt: sessions.lastSeenAt }).from(sessions).where(eq(sessions.accountId, accountId));
      return rows.some((r) => r.lastSeenAt.getTime() === now);
    })
    .toBe(true);
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${t.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('signing in with a code sent by SMS', () => {
  it('creates the account on first sign-in and shows the number in 个人中心', async () => {
    const phone = freshPhone();
    expect(await t.client.auth.requestCode.mutate({ phone })).toEqual({ sent: true, resendAfterSeconds: 60, expiresInSeconds: 300 });
    const code = await codeFromInbox(t, phone);
    const result = await t.client.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: privacyNotice.version });
    expect(result.account).toMatchObject({ phone, phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`, isNew: true });
    const me = await createEnrollmentClient({ url: t.url, token: result.token! }).auth.me.query();
    expect(me).toMatchObject({ phone, unreadMessages: 1 });
  });

  it("asks for the guardian's consent to the privacy notice as it reads now, keeps the code usable when it is missing, and records each version once", async () => {
    const notice = await t.client.catalog.privacyNotice.query();
    expect(notice).toMatchObject({ version: privacyNotice.version, title: '个人信息保护告知书' });
    expect(notice.sections.map((s) => s.heading)).toContain('监护人同意');
    const phone = freshPhone();
    await t.client.auth.requestCode.mutate({ phone });
    const code = await codeFromInbox(t, phone);
    const missing = await refusal(t.client.auth.signIn.mutate({ phone, code, session: 'token' }));
    expect(missing.data).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'CONSENT_REQUIRED' });
    expect(missing.message).toBe('请阅读并同意《个人信息保护告知书》后再登录');
    const outdated = await refusal(t.client.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: '2000-01-01' }));
    expect(outdated.message).toBe('《个人信息保护告知书》已更新，请阅读并同意新版本后再登录');
    const signedIn = await t.client.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: privacyNotice.version });
    t.clock.advance(61_000);
    await t.client.auth.requestCode.mutate({ phone });
    await t.client.auth.signIn.mutate({
      phone,
      code: await codeFromInbox(t, phone),
      session: 'token',
      acceptedNotice: privacyNotice.version,
    });
    const rows = await t.host.deps.db.select().from(consents).where(eq(consents.accountId, signedIn.account.id));
    expect(rows).toEqual([expect.objectContaining({ noticeVersion: privacyNotice.version, ip: '127.0.0.1' })]);
    expect(rows[0]!.acceptedAt.getTime()).toBe(t.clock.now().getTime() - 61_000);
  });

  it('answers the same whether or not the number has an account', async () => {
    const known = freshPhone();
    await signInParent(t, known);
    t.clock.advance(61_000);
    expect(await t.client.auth.requestCode.mutate({ phone: known })).toEqual(
      await t.client.auth.requestCode.mutate({ phone: freshPhone() }),
    );
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, not Secure on plain-http localhost', async () => {
    const phone = freshPhone();
    await t.client.auth.requestCode.mutate({ phone });
    const code = await codeFromInbox(t, phone);
    const res = await post('auth.signIn', { phone, code, acceptedNotice: privacyNotice.version }, { origin: t.url });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^enroll_sid=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    expect((await res.json()).result.data.token).toBeNull();
    const me = await fetch(`${t.url}/trpc/auth.me`, { headers: { cookie: cookie.split(';')[0]! } });
    expect((await me.json()).result.data.phone).toBe(phone);
  });

  it('refuses a number that is not a mainland mobile number, in Chinese', async () => {
    for (const phone of ['1381234567', '12812345678', 'abc', '+1 415 555 0100']) {
      const e = await refusal(t.client.auth.requestCode.mutate({ phone }));
      expect(e.data?.code).toBe('BAD_REQUEST');
      expect(e.message).toBe('请输入正确的11位手机号');
    }
  });

  it('refuses a code older than five minutes', async () => {
    const phone = freshPhone();
    await t.client.auth.requestCode.mutate({ phone });
    const code = await codeFromInbox(t, phone);
    t.clock.advance(5 * 60_000);
    const e = await refusal(t.client.auth.signIn.mutate({ phone, code, acceptedNotice: privacyNotice.version }));
    expect(e.data).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'CODE_EXPIRED' });
    expect(e.message).toBe('验证码已失效，请重新获取');
  });

  it('accepts a code only once', async () => {
    const phone = freshPhone();
    await t.client.auth.requestCode.mutate({ phone });
    const code = await codeFromInbox(t, phone);
    await t.client.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: privacyNotice.version });
    const e = await refusal(t.client.auth.signIn.mutate({ phone, code, acceptedNotice: privacyNotice.version }));
    expect(e.data?.domainCode).toBe('CODE_EXPIRED');
  });

  it('burns a code after five wrong tries, counting down in the message', async () => {
    const phone = freshPhone();
    await t.client.auth.requestCode.mutate({ phone });
    const code = await codeFromInbox(t, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1]) {
      const e = await refusal(t.client.auth.signIn.mutate({ phone, code: wrong, acceptedNotice: privacyNotice.version }));
      expect(e.message).toBe(`验证码不正确，还可尝试${left}次`);
      expect(e.data?.fieldErrors).toEqual({ code: [`验证码不正确，还可尝试${left}次`] });
    }
    expect((await refusal(t.client.auth.signIn.mutate({ phone, code: wrong, acceptedNotice: privacyNotice.version }))).message).toBe(
      '验证码错误次数过多，请重新获取',
    );
    const e = await refusal(t.client.auth.signIn.mutate({ phone, code, acceptedNotice: privacyNotice.version }));
    expect(e.data).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'CODE_BURNED' });
  });

  it('lets two requests racing with one code make exactly one session', async () => {
    const phone = freshPhone();
    await t.client.auth.requestCode.mutate({ phone });
    const code = await codeFromInbox(t, phone);
    const results = await Promise.allSettled(
      racers(t.url, 10).map((client) =>
        client.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: privacyNotice.version }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('limits on sending codes', () => {
  it('sends at most one code a minute to a number and says how long to wait', async () => {
    const phone = freshPhone();
    await t.client.auth.requestCode.mutate({ phone });
    t.clock.advance(15_000);
    const e = await refusal(t.client.auth.requestCode.mutate({ phone }));
    expect(e.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', domainCode: 'CODE_TOO_SOON' });
    expect(e.message).toBe('验证码发送过于频繁，请45秒后再试');
    t.clock.advance(45_000);
    await t.client.auth.requestCode.mutate({ phone });
  });

  it('sends at most ten codes a day to a number, and again from the next China day', async () => {
    t.clock.set('2024-07-21T08:00:00+08:00');
    const phone = freshPhone();
    for (let i = 0; i < 10; i++) {
      await t.client.auth.requestCode.mutate({ phone });
      t.clock.advance(61_000);
    }
    const e = await refusal(t.client.auth.requestCode.mutate({ phone }));
    expect(e.data?.domainCode).toBe('CODE_DAILY_LIMIT');
    expect(e.message).toBe('该手机号今日获取验证码已达10次上限，请明天再试');
    t.clock.set('2024-07-22T00:00:00+08:00');
    await t.client.auth.requestCode.mutate({ phone });
  });

  it('keeps even concurrent requests to one code a minute', async () => {
    const phone = freshPhone();
    const results = await Promise.allSettled(racers(t.url, 10).map((client) => client.auth.requestCode.mutate({ phone })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('end when the parent signs out', async () => {
    const parent = await signInParent(t, freshPhone());
    await parent.auth.signOut.mutate();
    expect((await refusal(parent.auth.me.query())).data).toMatchObject({ code: 'UNAUTHORIZED', domainCode: 'SIGN_IN_REQUIRED' });
  });

  it('expire after twelve idle hours', async () => {
    const parent = await signInParent(t, freshPhone());
    t.clock.advance(11 * 3_600_000);
    await seenNow(parent);
    t.clock.advance(11 * 3_600_000);
    await seenNow(parent);
    t.clock.advance(12 * 3_600_000);
    const e = await refusal(parent.auth.me.query());
    expect(e.data).toMatchObject({ code: 'UNAUTHORIZED', domainCode: 'SESSION_EXPIRED' });
    expect(e.message).toBe('登录已过期，请重新登录');
  });

  it('expire seven days after sign-in however active the parent is', async () => {
    const parent = await signInParent(t, freshPhone());
    for (let h = 0; h < 7 * 24 - 6; h += 6) {
      t.clock.advance(6 * 3_600_000);
      await seenNow(parent);
    }
    t.clock.advance(6 * 3_600_000);
    expect((await refusal(parent.auth.me.query())).data?.domainCode).toBe('SESSION_EXPIRED');
  });

  it('refuse anonymous callers with UNAUTHORIZED in Chinese', async () => {
    const e = await refusal(t.client.children.list.query());
    expect(e.data?.code).toBe('UNAUTHORIZED');
    expect(e.message).toBe('请先登录');
    const forged = createEnrollmentClient({ url: t.url, token: 'x'.repeat(43) });
    expect((await refusal(forged.auth.me.query())).data?.code).toBe('UNAUTHORIZED');
  });

  it('take a write on a cookie session only from our own page (Origin)', async () => {
    const phone = freshPhone();
    await t.client.auth.requestCode.mutate({ phone });
    const code = await codeFromInbox(t, phone);
    const cookie = (await post('auth.signIn', { phone, code, acceptedNotice: privacyNotice.version }, { origin: t.url })).headers
      .get('set-cookie')!
      .split(';')[0]!;
    const add = { name: '王小明', idType: 'passport', idNumber: 'E99887766' };
    const foreign = await post('children.add', add, { cookie, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.message).toBe('请求来源不受信任，请从报名平台页面操作');
    expect((await post('children.add', add, { cookie })).status).toBe(403);
    expect((await post('children.add', add, { cookie, origin: t.url })).status).toBe(200);
  });
});

describe('changing the phone number', () => {
  it('moves the account to a number proven by a code sent to it, and tells the old number', async () => {
    const oldPhone = freshPhone();
    const newPhone = freshPhone();
    const parent = await signInParent(t, oldPhone);
    await parent.auth.requestCode.mutate({ phone: newPhone, purpose: 'change_phone' });
    const code = await codeFromInbox(t, newPhone);
    expect(await parent.auth.changePhone.mutate({ phone: newPhone, code })).toMatchObject({ phone: newPhone });
    expect((await parent.auth.me.query()).phone).toBe(newPhone);
    await expect.poll(async () => (await t.client.dev.inbox.query({ phone: oldPhone }))[0]?.body).toContain('已将绑定手机号更换为');
  });

  it('refuses a number that belongs to another account, and a sign-in code used for it', async () => {
    const taken = freshPhone();
    await signInParent(t, taken);
    t.clock.advance(61_000);
    const parent = await signInParent(t, freshPhone());
    const e = await refusal(parent.auth.requestCode.mutate({ phone: taken, purpose: 'change_phone' }));
    expect(e.data).toMatchObject({ code: 'CONFLICT', domainCode: 'PHONE_TAKEN' });
    const other = freshPhone();
    await t.client.auth.requestCode.mutate({ phone: other });
    const signInCode = await codeFromInbox(t, other);
    expect((await refusal(parent.auth.changePhone.mutate({ phone: other, code: signInCode }))).data?.code).toBe('BAD_REQUEST');
  });

  it('needs a signed-in parent', async () => {
    expect((await refusal(t.client.auth.requestCode.mutate({ phone: freshPhone(), purpose: 'change_phone' }))).data?.code).toBe(
      'UNAUTHORIZED',
    );
  });
});

describe('limits on one address', () => {
  it('limits how many codes one address can ask for in an hour', async () => {
    t.clock.set('2024-09-01T08:00:00+08:00');
    const sent = [];
    for (let i = 0; i < 60; i++)
      sent.push(
        await t.client.auth.requestCode.mutate({ phone: freshPhone() }).then(
          () => 'sent',
          () => 'refused',
        ),
      );
    expect(sent.every((s) => s === 'sent')).toBe(true);
    const e = await refusal(t.client.auth.requestCode.mutate({ phone: freshPhone() }));
    expect(e.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', domainCode: 'CODE_IP_LIMIT' });
    t.clock.advance(3_600_000);
    await t.client.auth.requestCode.mutate({ phone: freshPhone() });
  });
});

describe('asking who is signed in', () => {
  it('answers null, not an error, when nobody is, and the account when someone is', async () => {
    expect(await t.client.auth.session.query()).toBeNull();
    const phone = freshPhone();
    const parent = await signInParent(t, phone);
    expect(await parent.auth.session.query()).toMatchObject({ phone, unreadMessages: 1 });
    await parent.auth.signOut.mutate();
    expect(await parent.auth.session.query()).toBeNull();
  });
});
