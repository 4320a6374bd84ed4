import { eq, type SQL } from 'drizzle-orm';
import { commitChange } from '../../../db/change';
import { accounts, bindingAppeals, children } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { appealNotices } from '../../domain/binding-appeal';
import { maskIdNumbersInText } from '../../domain/masking';
import { DomainError } from '../../domain/errors';
import { auditStatement } from '../audit';
import { discardUnclaimed } from '../documents';
import { sendNow } from '../outbox';
import type { SignedInStaff } from '../staff/sessions';
import { heldBy, moveBindingStatements } from './statements';
import { noticeStatements } from '../notice-statements';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'files' | 'sms' | 'log'>;
type Request = { ip: string | null; requestId: string | null };

/**
 * A county reviewer or administrator settles an open claim with a reason. Granting moves the binding to the claimant
 * in one batch, only while the holder still holds the child: the holder's drafts go, anything the holder submitted
 * for the child moves with it (nothing submitted is destroyed). Refusing leaves the binding as it is. Of two staff
 * settling at once, one wins; the other hears 该申诉已被他人处理. Both accounts are told; the decision is audited.
 */
export async function settleAppeal(
  deps: Deps,
  member: SignedInStaff,
  input: { appealId: string; grant: boolean; reason: string },
  request: Request,
  defer: (task: () => Promise<unknown>) => void,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const [appeal] = await db.select().from(bindingAppeals).where(eq(bindingAppeals.id, input.appealId));
  if (!appeal) throw new DomainError('APPEAL_NOT_FOUND', '找不到该申诉');
  if (appeal.status !== 'open') throw new DomainError('APPEAL_CHANGED', '该申诉已被他人处理');
  const [[claimant], [holder], [child]] = await Promise.all([
    db.select({ phone: accounts.phone }).from(accounts).where(eq(accounts.id, appeal.claimantAccountId)),
    db.select({ phone: accounts.phone }).from(accounts).where(eq(accounts.id, appeal.holderAccountId)),
    db.select().from(children).where(eq(children.id, appeal.childId)),
  ]);
  if (!claimant || !holder) throw new DomainError('APPEAL_NOT_FOUND', '找不到该申诉');
  const still = heldBy(appeal.childId, appeal.childBlind, appeal.holderAccountId);
  if (input.grant && (!child || child.accountId !== appeal.holderAccountId)) {
    throw new DomainError('APPEAL_CHANGED', '孩子的绑定已发生变化（原账号已解绑或已转出），不能再改绑：请驳回该申诉并说明情况');
  }
  const reason = maskIdNumbersInText(input.reason.trim());
  const evidence = appeal.evidence as { childName?: string; childIdMasked?: string };
  const childIdMasked = evidence.childIdMasked ?? child?.idMasked ?? '';
  const step = input.grant ? 'granted' : 'refused';
  const forClaimant = appealNotices(step, {
    childName: evidence.childName ?? child?.name ?? '',
    childIdMasked,
    by: 'staff',
    reason,
    draftsRemoved: true,
  });
  const forHolder = appealNotices(step, {
    childName: child?.name ?? evidence.childName ?? '',
    childIdMasked,
    by: 'staff',
    reason,
    draftsRemoved: true,
  });
  const keys = [`appeal:${appeal.id}:${step}:claimant`, `appeal:${appeal.id}:${step}:holder`];
  const follow = (won: SQL<boolean>) => [
    auditStatement(
      db,
      {
        staffId: member.staffId,
        username: member.username,
        action: input.grant ? 'binding_appeal_granted' : 'binding_appeal_refused',
        detail: {
          appealId: appeal.id,
          childId: appeal.childId,
          claimantAccountId: appeal.claimantAccountId,
          holderAccountId: appeal.holderAccountId,
          reason,
        },
        ip: request.ip,
        requestId: request.requestId,
        at: now,
      },
      won,
    ),
    ...noticeStatements(db, {
      accountId: appeal.claimantAccountId,
      phone: claimant.phone,
      key: keys[0]!,
      notice: forClaimant.claimant,
      now,
      won,
    }),
    ...noticeStatements(db, { accountId: appeal.holderAccountId, phone: holder.phone, key: keys[1]!, notice: forHolder.holder, now, won }),
  ];

  // binding_appeals has no nonce column: the settlement's nonce is kept in its evidence.
  const settle = {
    table: bindingAppeals,
    key: { column: bindingAppeals.id, value: appeal.id },
    guard: { status: 'open' },
    also: [input.grant ? still : undefined],
    set: { status: input.grant ? 'granted' : 'refused', settledAt: now, settledBy: member.staffId, settlement: reason },
    nonce: { json: bindingAppeals.evidence, path: '$.settleNonce' },
  } as const;
  if (input.grant) {
    const settled = await commitChange(db, deps.random, {
      ...settle,
      followUps: (won) =>
        [
          ...moveBindingStatements(db, {
            childId: appeal.childId,
            holder: appeal.holderAccountId,
            claimant: appeal.claimantAccountId,
            childName: evidence.childName ?? child!.name,
            now,
            won,
          }),
          ...follow(won),
        ] as const,
    });
    if (!settled.won) throw await whyNot(deps, appeal.id);
    for (const { storageKey } of settled.results[0]) await discardUnclaimed(deps, storageKey, 'a draft of a child another family claimed');
  } else {
    const settled = await commitChange(db, deps.random, { ...settle, followUps: follow });
    if (!settled.won) throw await whyNot(deps, appeal.id);
  }
  defer(() => sendNow(deps, keys));
  return { appealId: appeal.id, status: input.grant ? ('granted' as const) : ('refused' as const) };
}

async function whyNot(deps: Pick<Deps, 'db'>, appealId: string) {
  const [now] = await deps.db.select({ status: bindingAppeals.status }).from(bindingAppeals).where(eq(bindingAppeals.id, appealId));
  if (now?.status !== 'open') return new DomainError('APPEAL_CHANGED', '该申诉已被他人处理');
  return new DomainError('APPEAL_CHANGED', '孩子的绑定已发生变化（原账号已解绑或已转出），不能再改绑：请驳回该申诉并说明情况');
}
