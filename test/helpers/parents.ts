import { testTokens } from './tokens';
import { expect } from 'vitest';
import { accounts, sessions } from '../../db/schema';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { randomId } from '../../src/adapters/random';
import { newSession } from '../../src/services/sessions';
import type { TestHost } from './host';
import { until } from './until';
import { privacyNotice } from '../../src/domain/privacy-notice';

/** Codes already handed out per number: the SMS is sent after the answer, so right after a new request the inbox may
 * still show the number's previous code. */
const handedOut = new Map<string, Set<string>>();

/** The newest code the dev SMS inbox holds for a number, once it is one not handed out before (nor `previous`). */
export async function codeFromInbox(t: { client: EnrollmentClient }, phone: string, previous?: string): Promise<string> {
  const seen = handedOut.get(phone) ?? new Set<string>();
  handedOut.set(phone, seen);
  const code = await until(`a new code for ${phone}`, async () => {
    // the newest message with a code (a notice may be newer)
    const code = (await t.client.dev.inbox.query({ phone })).map((m) => m.body.match(/验证码为(\d{6})/)?.[1]).find(Boolean);
    return code && code !== previous && !seen.has(code) ? code : undefined;
  });
  seen.add(code);
  return code;
}

/** Signs a parent in through the real procedures (code by SMS) and returns a client with the bearer token. */
export async function signInParent(t: TestHost, phone: string): Promise<EnrollmentClient> {
  return createEnrollmentClient({ url: t.url, token: await parentToken(t, phone) });
}

/** The bearer token of a parent signed in through the real procedures (for racers: one client per request). */
export async function parentToken(t: TestHost, phone: string): Promise<string> {
  await t.client.auth.requestCode.mutate({ phone });
  const code = await codeFromInbox(t, phone);
  const { token } = await t.client.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: privacyNotice.version });
  expect(token).toBeTruthy();
  return token!;
}

/**
 * Factory for many parents at once (races): accounts and sessions written straight into the database, as a
 * completed sign-in would leave them, without going through the per-address code limits. Phones are numbered from
 * `firstNumber`, so that several calls in one test file do not collide.
 */
export async function parentsInDatabase(
  t: TestHost,
  count: number,
  firstNumber = 0,
): Promise<{ phone: string; token: string; client: EnrollmentClient }[]> {
  const now = t.clock.now();
  const parents = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const phone = `139${String(10_000_000 + firstNumber + i).slice(-8)}`;
      const session = await newSession(testTokens, now);
      return { phone, accountId: randomId(), session };
    }),
  );
  const { db } = t.host.deps;
  await db.batch([
    db.insert(accounts).values(parents.map((p) => ({ id: p.accountId, phone: p.phone, createdAt: now, updatedAt: now }))),
    db.insert(sessions).values(
      parents.map((p) => ({
        id: randomId(),
        tokenHash: p.session.tokenHash,
        accountId: p.accountId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: p.session.expiresAt,
      })),
    ),
  ]);
  return parents.map((p) => ({
    phone: p.phone,
    token: p.session.token,
    client: createEnrollmentClient({ url: t.url, token: p.session.token }),
  }));
}
