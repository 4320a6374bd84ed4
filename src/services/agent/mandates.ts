import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { rowExists } from '../../../db/exists';
import { insertWhen } from '../../../db/insert-when';
import { accounts, agentMandates, consents, sessions } from '../../../db/schema';
import type { Db } from '../../../db/client';
import type { AppDeps } from '../../deps';
import {
  agentCodeText,
  agentLookupLimit,
  agentName,
  agentPlace,
  attestedReasonRefusal,
  mandateExpiry,
  mandateView,
} from '../../domain/agent-mandate';
import { DomainError, fieldError } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { maskPhone } from '../../domain/masking';
import { consentRefusal, privacyNotice } from '../../domain/privacy-notice';
import { auditStatement } from '../audit';
import { commitCodeUse, lostRace, requestCode, useCode } from '../auth';
import { takeLimits } from '../limits';
import { noticeMessage } from '../messages';
import { sendNow, smsNotice } from '../outbox';
import { newSession } from '../sessions';
import type { SignedInStaff } from '../staff/sessions';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'vault' | 'sms' | 'log' | 'smsHourlyBudget'>;
type Request = { ip: string | null; requestId: string | null };
type Defer = (task: () => Promise<unknown>) => void;

/** Whether the number has an account (the agent then finds the family; otherwise opening creates it); audited. */
export async function lookupFamily(deps: Deps, agent: SignedInStaff, phone: string, request: Request) {
  await takeLimits(deps, [{ rule: agentLookupLimit, subject: agent.staffId }]);
  const [account] = await deps.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.phone, phone));
  const exists = Boolean(account);
  const phoneMasked = maskPhone(phone);
  await auditStatement(deps.db, {
    staffId: agent.staffId,
    username: agent.username,
    action: 'agent_lookup',
    detail: { phone: phoneMasked, exists },
    ...request,
    at: deps.clock.now(),
  });
  return { exists, phoneMasked };
}

/** Sends the parent a code to read out to the agent: the sign-in code's limits, a text that names the agent's place. */
export function sendAgentCode(deps: Deps, agent: SignedInStaff, phone: string, request: Request, defer: Defer) {
  const place = agentPlace({ schoolName: agent.schoolName, office: agent.office ?? null });
  return requestCode(
    deps,
    { phone, purpose: 'agent', accountId: agent.staffId, ip: request.ip, text: (code) => agentCodeText(code, place) },
    defer,
  );
}

export interface OpenInput {
  phone: string;
  code?: string;
  reason?: string;
  acceptedNotice?: string;
}

/**
 * Opens a mandate for the family of `phone` (creating their account when there is none): confirmed by the code the
 * parent read out (a code works once, and only for the agent who asked for it), or as the agent's attested exception
 * with its reason, when the family is told by SMS. The guardian's consent to the privacy notice the agent read out is
 * recorded as at sign-in. Returns a parent session, bound to the mandate, for the agent's browser.
 */
export async function openMandate(deps: Deps, agent: SignedInStaff, input: OpenInput, request: Request, defer: Defer) {
  const { db } = deps;
  const consent = consentRefusal(input.acceptedNotice);
  if (consent) throw new DomainError(consent.code, consent.message, { acceptedNotice: [consent.message] });
  const method = input.code ? ('sms_code' as const) : ('attested' as const);
  const reason = method === 'attested' ? (input.reason ?? '').trim() : null;
  if (method === 'attested') {
    const refusal = attestedReasonRefusal(reason);
    if (refusal) throw fieldError('reason', refusal);
  }
  const used = input.code
    ? await useCode(deps, { phone: input.phone, code: input.code, purpose: 'agent', accountId: agent.staffId })
    : null;
  const now = used?.now ?? deps.clock.now();
  const [known] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.phone, input.phone));
  const accountId = known?.id ?? newId(deps.random);
  const mandateId = newId(deps.random);
  const expiresAt = mandateExpiry(now);
  const session = await newSession(deps, now);
  const place = agentName(agentPlace({ schoolName: agent.schoolName, office: agent.office ?? null }));
  const accountOfPhone = sql`(SELECT ${accounts.id} FROM ${accounts} WHERE ${accounts.phone} = ${input.phone})` as never;
  const noticeKey = `agent-open:${mandateId}`;
  const told = `${place}正在代您办理入学报名（手机号 ${maskPhone(input.phone)}）。${
    method === 'attested' ? '您未能当场提供验证码，代办员已登记原因。' : ''
  }如非您本人同意，请联系教育局。`;
  const statements = (won: SQL<boolean>) => [
    insertWhen(db, accounts, { id: accountId, phone: input.phone, createdAt: now, updatedAt: now }, won).onConflictDoNothing({
      target: accounts.phone,
    }),
    insertWhen(
      db,
      consents,
      { id: newId(deps.random), accountId: accountOfPhone, noticeVersion: privacyNotice.version, acceptedAt: now, ip: request.ip },
      won,
    ).onConflictDoNothing({ target: [consents.accountId, consents.noticeVersion] }),
    insertWhen(
      db,
      agentMandates,
      { id: mandateId, staffId: agent.staffId, accountId: accountOfPhone, method, reason, createdAt: now, expiresAt },
      won,
    ),
    insertWhen(
      db,
      sessions,
      {
        id: newId(deps.random),
        tokenHash: session.tokenHash,
        accountId: accountOfPhone,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(Math.min(expiresAt.getTime(), session.expiresAt.getTime())),
        mandateId,
      },
      won,
    ),
    noticeMessage(db, {
      accountId,
      key: noticeKey,
      now,
      title: '代办员正在代您办理报名',
      body: told,
      onlyIf: and(won, rowExists(accounts, eq(accounts.id, accountId)))!,
    }),
    ...(method === 'attested'
      ? [smsNotice(db, { idempotencyKey: noticeKey, phone: input.phone, body: `【桃江县入学报名】${told}`, now, onlyIf: won })]
      : []),
    auditStatement(
      db,
      {
        staffId: agent.staffId,
        username: agent.username,
        action: 'agent_open',
        detail: { mandateId, method, reason, phone: maskPhone(input.phone) },
        ...request,
        at: now,
      },
      won,
    ),
  ];
  if (used) {
    const done = await commitCodeUse(deps, used.codeId, statements);
    if (!done.won) throw lostRace();
  } else {
    await db.batch(statements(sql<boolean>`1`) as never);
  }
  if (method === 'attested') defer(() => sendNow(deps, [noticeKey]));
  const [opened] = await db
    .select({ mandate: agentMandates, phone: accounts.phone })
    .from(agentMandates)
    .innerJoin(accounts, eq(accounts.id, agentMandates.accountId))
    .where(eq(agentMandates.id, mandateId));
  if (!opened) throw lostRace();
  return {
    token: session.token,
    isNew: opened.mandate.accountId === accountId && !known,
    mandate: mandateView(opened.mandate, opened.phone, now),
  };
}

/**
 * Statements (for a batch) that end the agent's open mandates, or the one named, and revoke the family sessions opened
 * under them; the second answers the mandates ended. Also run when an agent is disabled, changes password or role.
 */
export function endMandateStatements(db: Db, staffId: string, now: Date, mandateId?: string) {
  const open = and(
    eq(agentMandates.staffId, staffId),
    isNull(agentMandates.endedAt),
    mandateId ? eq(agentMandates.id, mandateId) : undefined,
  );
  const ids = db.select({ id: agentMandates.id }).from(agentMandates).where(open);
  return [
    db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(inArray(sessions.mandateId, ids), isNull(sessions.revokedAt))),
    db.update(agentMandates).set({ endedAt: now }).where(open).returning({ id: agentMandates.id }),
  ] as const;
}

/**
 * Ends the agent's live mandates (one, or all of them): their parent sessions are revoked in the same batch, so the
 * family's pages in the agent's browser sign out at once.
 */
export async function endMandates(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  agent: SignedInStaff,
  input: { mandateId?: string },
  request: Request,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const [, ended] = await db.batch([
    ...endMandateStatements(db, agent.staffId, now, input.mandateId),
    auditStatement(
      db,
      {
        staffId: agent.staffId,
        username: agent.username,
        action: 'agent_end',
        detail: { mandateId: input.mandateId ?? null },
        ...request,
        at: now,
      },
      rowExists(agentMandates, eq(agentMandates.staffId, agent.staffId), eq(agentMandates.endedAt, now)),
    ),
  ]);
  return { ended: ended.length };
}

/** The agent's own mandates, newest first (the family's number masked). */
export async function listMandates(deps: Pick<AppDeps, 'db' | 'clock'>, agent: SignedInStaff) {
  const rows = await deps.db
    .select({ mandate: agentMandates, phone: accounts.phone })
    .from(agentMandates)
    .innerJoin(accounts, eq(accounts.id, agentMandates.accountId))
    .where(eq(agentMandates.staffId, agent.staffId))
    .orderBy(desc(agentMandates.createdAt))
    .limit(50);
  const now = deps.clock.now();
  return rows.map((r) => mandateView(r.mandate, r.phone, now));
}
