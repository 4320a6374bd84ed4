import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox } from '../../db/schema';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { sweep } from '../../src/services/sweep';
import { type FakeSmsProvider, startFakeSmsProvider } from '../helpers/fake-sms-provider';
import { startTestHost, type TestHost } from '../helpers/host';
import { parentsInDatabase } from '../helpers/parents';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { staffToken } from '../helpers/staff';
import { until } from '../helpers/until';

/**
 * SMS the outbox gave up on, as administrators see and retry them (DESIGN.md "Notifications (outbox)"). The
 * provider is a real local HTTP server that refuses one number for good (400, echoing what was sent).
 */
const refusedPhone = '13910000000';
const refusedCodePhone = '13700000777';
let provider: FakeSmsProvider;
let t: TestHost;
let admin: EnrollmentClient;
let adminToken: string;

beforeAll(async () => {
  provider = await startFakeSmsProvider({ key: 'provider-key', refuse: { [refusedPhone]: 400, [refusedCodePhone]: 400 } });
  t = await startTestHost({ env: { SMS_PROVIDER: 'http', SMS_HTTP_URL: provider.url, SMS_HTTP_KEY: 'provider-key' } });
  adminToken = await staffToken(t, 'admin');
  admin = createEnrollmentClient({ url: t.url, token: adminToken });
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

const rowOf = async (id: string) => (await t.host.deps.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

/** A parent whose old number is refused changes it: the notice to the old number dies. Returns that row's id. */
async function deadPhoneChangeNotice(): Promise<string> {
  const [parent] = await parentsInDatabase(t, 1);
  expect(parent!.phone).toBe(refusedPhone);
  const newPhone = '13600000111';
  await parent!.client.auth.requestCode.mutate({ phone: newPhone, purpose: 'change_phone' });
  const code = await until(
    'the change-phone code',
    () => provider.deliveries.find((d) => d.phone === newPhone)?.body.match(/验证码为(\d{6})/)?.[1],
  );
  await parent!.client.auth.changePhone.mutate({ phone: newPhone, code });
  return until('the dead notice to the old number', async () => {
    const rows = await t.host.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.phone, refusedPhone), eq(outbox.status, 'dead')));
    return rows.find((r) => r.idempotencyKey.startsWith('phone-changed:'))?.id;
  });
}

describe('outbox dead letters for administrators', () => {
  let noticeId: string;
  let codeRowId: string;

  beforeAll(async () => {
    noticeId = await deadPhoneChangeNotice();
    await t.client.auth.requestCode.mutate({ phone: refusedCodePhone });
    codeRowId = await until(
      'the dead code SMS',
      async () =>
        (
          await t.host.deps.db
            .select()
            .from(outbox)
            .where(and(eq(outbox.phone, refusedCodePhone), eq(outbox.status, 'dead')))
        )[0]?.id,
    );
  });

  it('lists them with the masked phone, the kind of notice, the attempts and the redacted error, never the body', async () => {
    const letters = await admin.admin.deadLetters.query();
    const notice = letters.find((l) => l.id === noticeId)!;
    expect(notice).toMatchObject({ kind: 'phone-changed', phone: '139****0000', attempts: 1, retryable: true });
    expect(notice.lastError).toBeTruthy();
    expect(notice.lastError).not.toContain(refusedPhone);
    expect(Object.keys(notice).sort()).toEqual(['attempts', 'createdAt', 'id', 'kind', 'lastError', 'phone', 'retryable']);
    const code = letters.find((l) => l.id === codeRowId)!;
    expect(code).toMatchObject({ kind: 'code', phone: '137****0777', retryable: false });
    const everything = JSON.stringify(letters);
    expect(everything).not.toContain(refusedPhone);
    expect(everything).not.toContain(refusedCodePhone);
    expect(everything).not.toContain('验证码为');
    expect(everything).not.toContain('绑定手机号更换为');
  });

  it('of two administrators retrying one at once, lets exactly one through: back to pending, attempts reset, audited once', async () => {
    const [first, second] = racers(t.url, 2, adminToken);
    const results = await Promise.allSettled([first!, second!].map((c) => c.admin.retryDeadLetter.mutate({ outboxId: noticeId })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(lost.reason.data).toMatchObject({ code: 'CONFLICT', domainCode: 'DEAD_LETTER_RETRIED' });
    expect(lost.reason.message).toBe('该短信已被他人重新发送');
    expect(await rowOf(noticeId)).toMatchObject({ status: 'pending', attempts: 0, lastError: null, claimedBy: null });
    const [audits] = await t.host.deps.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'dead_letter_retry'));
    expect(audits!.n).toBe(1);
    expect((await admin.admin.deadLetters.query()).map((l) => l.id)).not.toContain(noticeId);

    // The retried row really goes out again (and, the number still refused, comes back dead after one more attempt).
    const before = provider.requests.filter((r) => r.phone === refusedPhone).length;
    await sweep(t.host.deps);
    expect(provider.requests.filter((r) => r.phone === refusedPhone).length).toBe(before + 1);
    expect(await rowOf(noticeId)).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('does not resend a code SMS (its code is gone) and says why in Chinese', async () => {
    const e = await refusal(admin.admin.retryDeadLetter.mutate({ outboxId: codeRowId }));
    expect(e.data).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'DEAD_LETTER_IS_CODE' });
    expect(e.message).toBe('验证码短信不能重发，请家长重新获取验证码');
    expect((await rowOf(codeRowId)).status).toBe('dead');
  });

  it('answers NOT_FOUND for an unknown row, and refuses other staff', async () => {
    expect((await refusal(admin.admin.retryDeadLetter.mutate({ outboxId: 'aaaaaaaaaaaaaaaaaaaa' }))).data?.code).toBe('NOT_FOUND');
    const county = createEnrollmentClient({ url: t.url, token: await staffToken(t, 'county') });
    expect((await refusal(county.admin.deadLetters.query())).data?.code).toBe('FORBIDDEN');
    expect((await refusal(county.admin.retryDeadLetter.mutate({ outboxId: noticeId }))).data?.code).toBe('FORBIDDEN');
  });
});
