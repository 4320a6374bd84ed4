import { existsSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncateWal } from '../../db/client';
import { devSms, outbox } from '../../db/schema';
import { sweep } from '../../src/services/sweep';
import { type FakeSmsProvider, startFakeSmsProvider } from '../helpers/fake-sms-provider';
import { startTestHost, type TestHost } from '../helpers/host';
import { until } from '../helpers/until';
import { privacyNotice } from '../../src/domain/privacy-notice';

/** Outside demo mode, with a real (local, fake) SMS provider over HTTP. */
const production = (sms: Record<string, string>) => ({
  ENROLL_DEV: '0',
  DATA_KEY: 'a-test-data-key-of-at-least-32-characters',
  RECORDS_PROVIDER: 'local',
  ...sms,
});
const codeIn = (body: string | null | undefined) => body?.match(/验证码为(\d{6})/)?.[1];

/** The database file and its companions as the disk holds them, after the host's own checkpoint. */
async function diskBytes(t: TestHost): Promise<string> {
  await truncateWal(t.host.deps.db, `file:${t.dbFile}`);
  return [t.dbFile, `${t.dbFile}-wal`, `${t.dbFile}-shm`]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'))
    .join('\n');
}

describe('sign-in codes at rest (outside demo mode)', () => {
  const stuckPhone = '13700000999';
  let provider: FakeSmsProvider;
  let t: TestHost;
  beforeAll(async () => {
    provider = await startFakeSmsProvider({ key: 'provider-key', refuse: { [stuckPhone]: 503 } });
    t = await startTestHost({ env: production({ SMS_PROVIDER: 'http', SMS_HTTP_URL: provider.url, SMS_HTTP_KEY: 'provider-key' }) });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  it('leaves no sent code in the outbox or anywhere in the database files, while an unsent one is still there', async () => {
    const sentCodes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const phone = `1370000010${i}`;
      await t.client.auth.requestCode.mutate({ phone });
      const code = await until('the code SMS', () => codeIn(provider.deliveries.find((d) => d.phone === phone)?.body));
      await t.client.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: privacyNotice.version });
      sentCodes.push(code);
    }
    await t.client.auth.requestCode.mutate({ phone: stuckPhone });
    const stuckCode = await until('the refused attempt', () => codeIn(provider.requests.find((r) => r.phone === stuckPhone)?.body));
    await until('the retry to be scheduled', async () => {
      const [row] = await t.host.deps.db.select().from(outbox).where(eq(outbox.phone, stuckPhone));
      return row?.status === 'pending' && row.attempts === 1 ? row : undefined;
    });

    const sentRows = (await t.host.deps.db.select().from(outbox)).filter(
      (r) => r.status === 'sent' && r.idempotencyKey.startsWith('code:'),
    );
    expect(sentRows).toHaveLength(4);
    for (const row of sentRows) expect(row.body).not.toMatch(/\d{6}/);

    const disk = await diskBytes(t);
    // Positive controls: the scan sees what is stored in plain text: phone numbers, and the code still waiting to be sent.
    expect(disk).toContain('13700000100');
    expect(disk).toContain(stuckCode);
    for (const code of sentCodes) expect(disk).not.toContain(`验证码为${code}`);
    for (const code of sentCodes) expect(disk.includes(code), `code ${code} found on disk`).toBe(false);
    for (const code of [...sentCodes, stuckCode]) expect(t.logLines.join('\n')).not.toContain(code);
  });

  it('gives up a waiting code SMS once its code has expired, and forgets the code', async () => {
    const [before] = await t.host.deps.db.select().from(outbox).where(eq(outbox.phone, stuckPhone));
    const stuckCode = codeIn(before!.body)!;
    expect(stuckCode).toMatch(/^\d{6}$/);
    t.clock.advance(6 * 60_000);
    await sweep(t.host.deps);
    const [after] = await t.host.deps.db.select().from(outbox).where(eq(outbox.phone, stuckPhone));
    expect(after).toMatchObject({ status: 'dead' });
    expect(after!.body).not.toContain(stuckCode);
    expect(provider.requests.filter((r) => r.phone === stuckPhone)).toHaveLength(1);
    expect(await diskBytes(t)).not.toContain(stuckCode);
  });
});

describe('the dev SMS provider', () => {
  it('outside demo mode keeps no code in its inbox table or its log', async () => {
    const t = await startTestHost({ env: production({ SMS_PROVIDER: 'dev' }) });
    try {
      await t.client.auth.requestCode.mutate({ phone: '13700000201' });
      const [stored] = await until('the dev SMS', async () => {
        const rows = await t.host.deps.db.select().from(devSms);
        return rows.length ? rows : undefined;
      });
      expect(stored!.body).not.toMatch(/\d{4,}/);
      expect(t.logLines.join('\n')).not.toMatch(/\d{6}/);
      expect(await diskBytes(t)).not.toMatch(/验证码为\d{6}/);
    } finally {
      await t.close();
    }
  });

  it('in demo mode still shows the code in the dev inbox, which is how a demo user signs in', async () => {
    const t = await startTestHost();
    try {
      await t.client.auth.requestCode.mutate({ phone: '13700000202' });
      const body = await until('the dev inbox', async () => (await t.client.dev.inbox.query({ phone: '13700000202' }))[0]?.body);
      expect(codeIn(body)).toMatch(/^\d{6}$/);
    } finally {
      await t.close();
    }
  });
});

describe('the dev inbox', () => {
  it('lists the messages of one demo instant with the one written last first', async () => {
    const t = await startTestHost();
    try {
      const at = t.clock.now();
      for (const [key, phone] of [
        ['first', '13700000301'],
        ['second', '13700000302'],
      ] as const) {
        await t.host.deps.db.insert(devSms).values({ id: `inbox-${key}`, idempotencyKey: `inbox:${key}`, phone, body: key, sentAt: at });
      }
      expect((await t.client.dev.inbox.query({})).slice(0, 2).map((m) => m.body)).toEqual(['second', 'first']);
    } finally {
      await t.close();
    }
  });
});

describe('an SMS provider that echoes the number and the code in its errors', () => {
  const refused = '13800130500';
  const failing = '13800130501';
  const reformatted = (phone: string) => `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
  const spaced = (phone: string) => `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  let provider: FakeSmsProvider;
  let t: TestHost;
  beforeAll(async () => {
    provider = await startFakeSmsProvider({
      key: 'provider-key',
      refuse: { [refused]: 400, [failing]: 500 },
      refusalEcho: ({ phone, body }) => ({
        error: `destination ${reformatted(phone)} (${spaced(phone)}) rejected`,
        template_param: codeIn(body),
        to: `0086${phone}`,
      }),
    });
    t = await startTestHost({ env: production({ SMS_PROVIDER: 'http', SMS_HTTP_URL: provider.url, SMS_HTTP_KEY: 'provider-key' }) });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  it('keeps the number (in any format) and the code out of outbox.last_error and the log', async () => {
    for (const phone of [refused, failing]) await t.client.auth.requestCode.mutate({ phone });
    const rows = await until('both failures recorded', async () => {
      const all = await t.host.deps.db.select().from(outbox);
      const done = all.filter(
        (r) => (r.phone === refused && r.status === 'dead') || (r.phone === failing && r.status === 'pending' && r.lastError),
      );
      return done.length === 2 ? done : undefined;
    });
    const codes = [refused, failing].map((phone) => codeIn(provider.requests.find((r) => r.phone === phone)?.body)!);
    const evidence = [...rows.map((r) => r.lastError ?? ''), ...t.logLines].join('\n');
    // Positive control: the provider's answer did reach the error text, masked.
    expect(evidence).toContain('rejected');
    expect(evidence).toContain('138****0500');
    expect(evidence).toContain('138****0501');
    for (const phone of [refused, failing]) {
      for (const form of [phone, reformatted(phone), spaced(phone), phone.slice(3, 7)]) expect(evidence, form).not.toContain(form);
    }
    for (const code of codes) expect(evidence, code).not.toContain(code);
  });
});
