import { and, count, eq, ne, not } from 'drizzle-orm';
import { rowExists } from '../../../db/exists';
import { insertWhen } from '../../../db/insert-when';
import { accounts, applications, bindingAppeals, children } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { RecordsError } from '../../adapters/records';
import { appealNotices, decideClaim, type RecordsFinding, recordsFinding } from '../../domain/binding-appeal';
import { formatChinaDate } from '../../domain/china-time';
import { DomainError, fieldError } from '../../domain/errors';
import { checkIdNumber, type IdType } from '../../domain/identity';
import { newId } from '../../domain/ids';
import { limits } from '../../domain/limits';
import { maskIdNumber, maskIdNumbersInText } from '../../domain/masking';
import { auditStatement } from '../audit';
import { perAddress, takeLimits } from '../limits';
import { addChild, listChildren, maxChildrenPerAccount, validName } from '../children';
import { discardUnclaimed } from '../documents';
import { sendNow } from '../outbox';
import { bindingConfirmed, heldBy, moveBindingStatements, onlyDrafts } from './statements';
import { noticeStatements } from '../notice-statements';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'vault' | 'files' | 'records' | 'sms' | 'log'>;

export interface ClaimInput {
  name: string;
  idType: IdType;
  idNumber: string;
  parentIdNumber: string;
  reason: string;
}
type Request = { ip: string | null; requestId: string | null };

const attempts = 3;

async function askRecords(deps: Deps, childIdNumber: string, claimantIdNumber: string, idType: IdType): Promise<RecordsFinding> {
  if (idType !== 'resident') return 'no_hukou';
  try {
    return recordsFinding(await deps.records.hukou(childIdNumber), childIdNumber, claimantIdNumber);
  } catch (error) {
    if (error instanceof RecordsError) return 'unavailable';
    throw error;
  }
}

/**
 * 绑定申诉: a parent claims a child another account bound first. The authority records settle it at once when they show
 * the claimant (by the claimant's own ID number) as the child's parent, the holder's binding was never confirmed and the
 * holder submitted nothing for the child: the binding moves in one batch, the holder's drafts go. Otherwise the claim
 * waits for staff. Both accounts are told (message + SMS), every step is audited. A lost race is decided again from
 * fresh facts: the child unbound meanwhile is simply bound; a holder who changed meanwhile is weighed anew.
 */
export async function claimChild(
  deps: Deps,
  accountId: string,
  input: ClaimInput,
  request: Request,
  defer: (task: () => Promise<unknown>) => void,
) {
  const { db, vault } = deps;
  const today = formatChinaDate(deps.clock.now());
  const id = checkIdNumber(input.idType, input.idNumber, today);
  if (!id.ok) throw fieldError('idNumber', id.message);
  const name = validName(input.name, input.idType);
  const parentId = checkIdNumber('resident', input.parentIdNumber, today);
  if (!parentId.ok) throw fieldError('parentIdNumber', parentId.message);
  if (parentId.normalized === id.normalized) throw fieldError('parentIdNumber', '请填写您本人（家长）的身份证号码，而不是孩子的');
  const reason = maskIdNumbersInText(input.reason.trim());
  const childBlind = await vault.blindIndex(id.normalized);
  const childIdMasked = maskIdNumber(id.normalized);
  // A claim, like the pre-check, tells whether an ID number is in a child's household: the same limits hold.
  await takeLimits(deps, [{ rule: limits.precheckPerAccount, subject: accountId }, ...perAddress(limits.precheckPerAddress, request.ip)]);
  const records = await askRecords(deps, id.normalized, parentId.normalized, input.idType);

  for (let attempt = 0; attempt < attempts; attempt++) {
    const now = deps.clock.now();
    const [[held], [claimant], [mine], [open]] = await Promise.all([
      db
        .select({ child: children, phone: accounts.phone })
        .from(children)
        .innerJoin(accounts, eq(accounts.id, children.accountId))
        .where(eq(children.idBlind, childBlind)),
      db.select({ phone: accounts.phone }).from(accounts).where(eq(accounts.id, accountId)),
      db.select({ n: count() }).from(children).where(eq(children.accountId, accountId)),
      db
        .select({ id: bindingAppeals.id })
        .from(bindingAppeals)
        .where(
          and(
            eq(bindingAppeals.childBlind, childBlind),
            eq(bindingAppeals.claimantAccountId, accountId),
            eq(bindingAppeals.status, 'open'),
          ),
        ),
    ]);
    if (!claimant) throw new DomainError('SIGN_IN_REQUIRED', '请先登录');
    if (!held) {
      // Unbound meanwhile (the holder removed it): no claim needed.
      try {
        return {
          outcome: 'bound' as const,
          appealId: null,
          child: await addChild(deps, accountId, { name, idType: input.idType, idNumber: id.normalized }),
        };
      } catch (error) {
        if (error instanceof DomainError && error.code === 'CHILD_ALREADY_BOUND') continue;
        throw error;
      }
    }
    const { child } = held;
    if (child.accountId === accountId) throw new DomainError('CHILD_ALREADY_YOURS', '该孩子已在您的账号中，无需申诉');
    if (open) throw new DomainError('APPEAL_EXISTS', '您已为该孩子提交过申诉，正在等待工作人员审核');
    if ((mine?.n ?? 0) >= maxChildrenPerAccount) throw new DomainError('CHILD_LIMIT', `一个账号最多绑定${maxChildrenPerAccount}个孩子`);
    const holder = child.accountId;
    const [[confirmed], [submitted]] = await Promise.all([
      db.select({ id: bindingAppeals.id }).from(bindingAppeals).where(bindingConfirmed(childBlind, holder)).limit(1),
      db
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.childId, child.id), ne(applications.status, 'draft')))
        .limit(1),
    ]);
    const decision = decideClaim({ records, holderConfirmed: Boolean(confirmed), holderSubmitted: Boolean(submitted) });

    const appealId = newId(deps.random);
    const won = rowExists(bindingAppeals, eq(bindingAppeals.id, appealId));
    const evidence = {
      records,
      parentIdMasked: maskIdNumber(parentId.normalized),
      childName: name,
      childIdMasked,
      holderConfirmed: Boolean(confirmed),
      holderSubmitted: Boolean(submitted),
      ...(decision.settle === 'staff' ? { waitsFor: decision.why } : {}),
    };
    const row = {
      id: appealId,
      childId: child.id,
      childBlind,
      claimantAccountId: accountId,
      holderAccountId: holder,
      reason,
      evidence,
      createdAt: now,
      ...(decision.settle === 'records'
        ? { status: 'granted' as const, settledAt: now, settledBy: 'records', settlement: '户籍信息核验确认申诉人为孩子的父母' }
        : { status: 'open' as const }),
    };
    const still = heldBy(child.id, childBlind, holder);
    const audit = (action: string) =>
      auditStatement(
        db,
        {
          staffId: null,
          username: decision.settle === 'records' ? 'records' : 'parent',
          action,
          detail: {
            appealId,
            childId: child.id,
            claimantAccountId: accountId,
            holderAccountId: holder,
            records,
            ...(evidence.waitsFor ? { waitsFor: evidence.waitsFor } : {}),
          },
          ip: request.ip,
          requestId: request.requestId,
          at: now,
        },
        won,
      );
    const step = decision.settle === 'records' ? 'granted' : 'filed';
    const notices = appealNotices(step, { childIdMasked, childName: name, by: 'records', draftsRemoved: true });
    const holderNotices = appealNotices(step, { childIdMasked, childName: child.name, by: 'records', draftsRemoved: true });
    const keys = [`appeal:${appealId}:${step}:claimant`, `appeal:${appealId}:${step}:holder`];
    const tell = [
      ...noticeStatements(db, { accountId, phone: claimant.phone, key: keys[0]!, notice: notices.claimant, now, won }),
      ...noticeStatements(db, { accountId: holder, phone: held.phone, key: keys[1]!, notice: holderNotices.holder, now, won }),
    ];

    if (decision.settle === 'records') {
      const notProven = not(bindingConfirmed(childBlind, holder));
      const move = moveBindingStatements(db, { childId: child.id, holder, claimant: accountId, childName: name, now, won });
      const [inserted, removedFiles] = await db.batch([
        insertWhen(db, bindingAppeals, row, and(still, onlyDrafts(child.id), notProven)!),
        ...move,
        audit('binding_appeal_granted'),
        ...tell,
      ]);
      if (inserted.rowsAffected === 0) continue;
      for (const { storageKey } of removedFiles) await discardUnclaimed(deps, storageKey, 'a draft of a child another family claimed');
      defer(() => sendNow(deps, keys));
      const bound = (await listChildren(deps, accountId)).find((c) => c.id === child.id) ?? null;
      return { outcome: 'granted' as const, appealId, child: bound };
    }

    const [inserted] = await db.batch([
      insertWhen(db, bindingAppeals, row, still).onConflictDoNothing(),
      audit('binding_appeal_filed'),
      ...tell,
    ]);
    if (inserted.rowsAffected === 0) continue;
    defer(() => sendNow(deps, keys));
    return { outcome: 'open' as const, appealId, child: null };
  }
  throw new DomainError('APPEAL_CHANGED', '孩子的绑定刚刚发生变化，请稍后重试');
}
