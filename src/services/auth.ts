import { and, count, desc, eq, gt, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { commitChange } from '../../db/change';
import { rowExists } from '../../db/exists';
import { insertWhen } from '../../db/insert-when';
import { accounts, consents, sessions, smsCodes } from '../../db/schema';
import type { AppDeps } from '../deps';
import { chinaInstant, formatChinaDate } from '../domain/china-time';
import { DomainError } from '../domain/errors';
import { newId } from '../domain/ids';
import { codeNoticeKey } from '../domain/redaction';
import { consentRefusal, privacyNotice } from '../domain/privacy-notice';
import { maskPhone } from '../domain/masking';
import { defaultSmsHourlyBudget, limitMessage, limits, retryAfterSeconds, smsBudgetRule } from '../domain/limits';
import { newCode, secondsUntilResend, signInPolicy } from '../domain/sign-in-policy';
import { raiseSmsBudgetAlarm } from './alerts';
import { type Charge, chargeStatements, limitRefusal, perAddress, previousStatementChanged, refusedCharge, takeLimits } from './limits';
import { noticeMessage } from './messages';
import { sendNow, smsNotice } from './outbox';
import { newSession } from './sessions';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'vault' | 'sms' | 'log' | 'smsHourlyBudget'>;
/** `agent`: a code the parent reads out to a desk agent (代办), sent by `services/agent`. */
type Purpose = 'sign_in' | 'change_phone' | 'agent';
type Defer = (task: () => Promise<unknown>) => void;

const codeText = (code: string, purpose: Purpose) =>
  purpose === 'sign_in'
    ? `【桃江县入学报名】您的登录验证码为${code}，5分钟内有效。请勿泄露给他人。`
    : `【桃江县入学报名】您正在更换报名平台绑定手机号，验证码为${code}，5分钟内有效。如非本人操作请忽略。`;

/** The keyed digest a code is stored as (bound to its phone and purpose); exported for tests that seed codes. */
export const codeDigest = (vault: AppDeps['vault'], phone: string, purpose: Purpose, code: string) =>
  vault.codeDigest(`${purpose}:${phone}:${code}`);
const digestOf = (deps: Deps, phone: string, purpose: Purpose, code: string) => codeDigest(deps.vault, phone, purpose, code);

/**
 * Sends a one-time code. Limits (one a minute and ten a China day per number, an hourly cap per address, the
 * platform's hourly budget) are taken by the statements that write the code, so concurrent requests cannot slip
 * past them; the SMS is queued in the same batch and sent right after the answer. The answer is the same whether
 * or not the number has an account. For `change_phone` it does tell whether the new number is taken, so that
 * lookup is limited per account and per address first.
 */
export async function requestCode(
  deps: Deps,
  input: { phone: string; purpose: Purpose; accountId?: string; ip: string | null; text?: (code: string) => string },
  defer: Defer,
) {
  const { db } = deps;
  if (input.purpose === 'change_phone') {
    await takeLimits(deps, [
      ...(input.accountId ? [{ rule: limits.phoneLookupPerAccount, subject: input.accountId }] : []),
      ...perAddress(limits.phoneLookupPerAddress, input.ip),
    ]);
    const [holder] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.phone, input.phone));
    if (holder?.id === input.accountId) throw new DomainError('PHONE_UNCHANGED', '新手机号与当前手机号相同');
    if (holder) throw new DomainError('PHONE_TAKEN', '该手机号已注册，不能更换为该号码');
  }
  const now = deps.clock.now();
  const code = newCode(deps.random);
  const id = newId(deps.random);
  const dayStart = chinaInstant(formatChinaDate(now));
  const recent = (since: Date) =>
    sql`(SELECT count(*) FROM ${smsCodes} WHERE ${smsCodes.phone} = ${input.phone} AND ${smsCodes.createdAt} >= ${since.getTime()})`;
  const phoneAllows = sql`${recent(new Date(now.getTime() - signInPolicy.resendAfterMs + 1))} = 0
    AND ${recent(dayStart)} < ${signInPolicy.dailyCodesPerPhone}`;
  // The address first, the platform's budget last: a refused caller takes nothing from the budget.
  const budget = smsBudgetRule(deps.smsHourlyBudget ?? defaultSmsHourlyBudget);
  const charges: Charge[] = [...perAddress(limits.codesPerAddress, input.ip), { rule: budget, subject: 'all' }];
  const insertCode = insertWhen(
    db,
    smsCodes,
    {
      id,
      phone: input.phone,
      purpose: input.purpose,
      accountId: input.accountId ?? null,
      codeHash: await digestOf(deps, input.phone, input.purpose, code),
      ip: input.ip,
      createdAt: now,
      expiresAt: new Date(now.getTime() + signInPolicy.codeTtlMs),
    },
    previousStatementChanged,
  );
  const key = codeNoticeKey(id);
  const [first, ...rest] = chargeStatements(db, charges, now, phoneAllows);
  const results = await db.batch([
    first!,
    ...rest,
    insertCode,
    smsNotice(db, {
      idempotencyKey: key,
      phone: input.phone,
      body: input.text?.(code) ?? codeText(code, input.purpose),
      now,
      onlyIf: rowExists(smsCodes, eq(smsCodes.id, id)),
    }),
  ]);
  const refused = refusedCharge(charges, results);
  if (refused?.rule === budget) {
    await raiseSmsBudgetAlarm(deps, budget.limit, now);
    throw limitRefusal(budget, now);
  }
  if (refused) await explainCodeRefusal(deps, input, now, dayStart);
  defer(() => sendNow(deps, [key]));
  return { sent: true as const, resendAfterSeconds: signInPolicy.resendAfterMs / 1000, expiresInSeconds: signInPolicy.codeTtlMs / 1000 };
}

async function explainCodeRefusal(deps: Deps, input: { phone: string; ip: string | null }, now: Date, dayStart: Date): Promise<never> {
  const [last] = await deps.db
    .select({ createdAt: smsCodes.createdAt })
    .from(smsCodes)
    .where(eq(smsCodes.phone, input.phone))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  const wait = last ? secondsUntilResend(last.createdAt, now) : 0;
  if (wait > 0) throw new DomainError('CODE_TOO_SOON', `验证码发送过于频繁，请${wait}秒后再试`, undefined, wait);
  const [today] = await deps.db
    .select({ n: count() })
    .from(smsCodes)
    .where(and(eq(smsCodes.phone, input.phone), gt(smsCodes.createdAt, new Date(dayStart.getTime() - 1))));
  if ((today?.n ?? 0) >= signInPolicy.dailyCodesPerPhone) {
    throw new DomainError('CODE_DAILY_LIMIT', `该手机号今日获取验证码已达${signInPolicy.dailyCodesPerPhone}次上限，请明天再试`);
  }
  const addressWait = retryAfterSeconds(now, limits.codesPerAddress);
  throw new DomainError('CODE_IP_LIMIT', limitMessage(limits.codesPerAddress, addressWait), undefined, addressWait);
}

/**
 * Tries the newest live code of a number: each try counts (five at most). Returns the code that matched, for
 * `commitCodeUse`: a code works once.
 */
export async function useCode(deps: Deps, input: { phone: string; code: string; purpose: Purpose; accountId?: string }) {
  const { db } = deps;
  const now = deps.clock.now();
  const live = and(
    eq(smsCodes.phone, input.phone),
    eq(smsCodes.purpose, input.purpose),
    isNull(smsCodes.consumedBy),
    gt(smsCodes.expiresAt, now),
    input.accountId ? eq(smsCodes.accountId, input.accountId) : undefined,
  );
  const newest = db.select({ id: smsCodes.id }).from(smsCodes).where(live).orderBy(desc(smsCodes.createdAt)).limit(1);
  const [tried] = await db
    .update(smsCodes)
    .set({ attempts: sql`${smsCodes.attempts} + 1` })
    .where(and(sql`${smsCodes.id} = (${newest})`, lt(smsCodes.attempts, signInPolicy.maxCodeAttempts)))
    .returning({ id: smsCodes.id, codeHash: smsCodes.codeHash, attempts: smsCodes.attempts });
  if (!tried) {
    const [burned] = await db.select({ id: smsCodes.id }).from(smsCodes).where(live).limit(1);
    if (burned) throw new DomainError('CODE_BURNED', '验证码错误次数过多，请重新获取');
    throw new DomainError('CODE_EXPIRED', '验证码已失效，请重新获取');
  }
  if (tried.codeHash !== (await digestOf(deps, input.phone, input.purpose, input.code))) {
    const left = signInPolicy.maxCodeAttempts - tried.attempts;
    if (left <= 0) throw new DomainError('CODE_BURNED', '验证码错误次数过多，请重新获取');
    throw new DomainError('CODE_INVALID', `验证码不正确，还可尝试${left}次`, { code: [`验证码不正确，还可尝试${left}次`] });
  }
  return { codeId: tried.id, now };
}

/**
 * Uses the code through the guarded commit: it is marked used (its `consumed_by` carries the change's nonce) only
 * while still unused, and the caller's follow-up rows are written only where that was this request's, so that of two
 * requests racing with one code only one wins.
 */
export function commitCodeUse<F extends readonly BatchItem<'sqlite'>[]>(deps: Deps, codeId: string, followUps: (won: SQL<boolean>) => F) {
  return commitChange(deps.db, deps.random, {
    table: smsCodes,
    key: { column: smsCodes.id, value: codeId },
    guard: { consumedBy: null },
    set: {},
    nonce: smsCodes.consumedBy,
    followUps,
  });
}

export const lostRace = () => new DomainError('CODE_EXPIRED', '验证码已失效，请重新获取');

/** Signs in with a code, creating the account on first use, with its welcome message in 我的消息, in one batch. */
export async function signIn(deps: Deps, input: { phone: string; code: string; acceptedNotice?: string; ip: string | null }) {
  const { db } = deps;
  const refusal = consentRefusal(input.acceptedNotice);
  if (refusal) throw new DomainError(refusal.code, refusal.message, { acceptedNotice: [refusal.message] });
  const { codeId, now } = await useCode(deps, { ...input, purpose: 'sign_in' });
  const session = await newSession(deps, now);
  const newAccountId = newId(deps.random);
  const accountOfPhone = sql`(SELECT ${accounts.id} FROM ${accounts} WHERE ${accounts.phone} = ${input.phone})`;
  const used = await commitCodeUse(deps, codeId, (won) => [
    insertWhen(db, accounts, { id: newAccountId, phone: input.phone, createdAt: now, updatedAt: now }, won).onConflictDoNothing({
      target: accounts.phone,
    }),
    insertWhen(
      db,
      consents,
      { id: newId(deps.random), accountId: accountOfPhone as never, noticeVersion: privacyNotice.version, acceptedAt: now, ip: input.ip },
      won,
    ).onConflictDoNothing({ target: [consents.accountId, consents.noticeVersion] }),
    insertWhen(
      db,
      sessions,
      {
        id: newId(deps.random),
        tokenHash: session.tokenHash,
        accountId: accountOfPhone as never,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: session.expiresAt,
      },
      won,
    ),
    noticeMessage(db, {
      accountId: newAccountId,
      key: `welcome:${newAccountId}`,
      now,
      title: '欢迎使用桃江县中小学入学报名平台',
      body: `您已使用手机号 ${maskPhone(input.phone)} 注册。报名进度的每一次变化都会以短信和站内消息通知您。报名前请先阅读招生工作方案和家长操作手册；系统报名顺序与入学分配学校次序无关，不需扎堆在高峰期报名。`,
      onlyIf: rowExists(accounts, eq(accounts.id, newAccountId)),
    }),
  ]);
  if (!used.won) throw lostRace();
  const [account] = await db.select().from(accounts).where(eq(accounts.phone, input.phone));
  if (!account) throw lostRace();
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    account: { id: account.id, phone: account.phone, isNew: account.id === newAccountId },
  };
}

/** Moves the account to a new number proven by a code sent to it; the old number is told. */
export async function changePhone(deps: Deps, accountId: string, oldPhone: string, input: { phone: string; code: string }, defer: Defer) {
  const { db } = deps;
  const { codeId, now } = await useCode(deps, { ...input, purpose: 'change_phone', accountId });
  const key = `phone-changed:${newId(deps.random)}`;
  const body = `您的入学报名平台账号已将绑定手机号更换为 ${maskPhone(input.phone)}，此后的通知将发送到新号码。`;
  try {
    const used = await commitCodeUse(deps, codeId, (won) => [
      db
        .update(accounts)
        .set({ phone: input.phone, updatedAt: now })
        .where(and(eq(accounts.id, accountId), won)),
      noticeMessage(db, { accountId, key, title: '绑定手机号已更换', body, now, onlyIf: won }),
      smsNotice(db, { idempotencyKey: key, phone: oldPhone, body, now, onlyIf: won }),
    ]);
    if (!used.won) throw lostRace();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (String((error as Error)?.message ?? error).includes('UNIQUE'))
      throw new DomainError('PHONE_TAKEN', '该手机号已注册，不能更换为该号码');
    throw error;
  }
  defer(() => sendNow(deps, [key]));
  return { phone: input.phone };
}
