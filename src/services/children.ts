import { and, asc, count, eq, inArray, notInArray } from 'drizzle-orm';
import { noRowExists } from '../../db/exists';
import { accounts, applications, children } from '../../db/schema';
import type { AppDeps } from '../deps';
import { statusesThatKeepChildBound } from '../domain/application-status';
import { formatChinaDate } from '../domain/china-time';
import { DomainError, fieldError } from '../domain/errors';
import { checkChildName, checkIdNumber, type IdType, idTypes } from '../domain/identity';
import { newId } from '../domain/ids';
import { limits } from '../domain/limits';
import { maskIdNumber, maskPhone } from '../domain/masking';
import { applicationDeletion } from './applications/deletion';
import { discardUnclaimed } from './documents';
import { perAddress, takeLimits } from './limits';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'vault' | 'files' | 'log'>;

export const maxChildrenPerAccount = 10;

const view = (c: typeof children.$inferSelect) => ({
  id: c.id,
  name: c.name,
  idType: c.idType,
  idTypeName: idTypes[c.idType],
  idNumberMasked: c.idMasked,
  birthDate: c.birthDate,
  sex: c.sex,
  createdAt: c.createdAt.toISOString(),
});

/** 我的孩子: the children bound to this account, ID numbers masked. */
export async function listChildren(deps: Deps, accountId: string) {
  const rows = await deps.db.select().from(children).where(eq(children.accountId, accountId)).orderBy(asc(children.createdAt));
  return rows.map(view);
}

export function validName(name: string, type: IdType) {
  const checked = checkChildName(name, type);
  if (!checked.ok) throw fieldError('name', checked.message);
  return checked.name;
}

/**
 * Binds a child by name and ID number. The number is stored encrypted with a keyed blind index whose unique
 * constraint lets only one account hold a child, however many try at once; the loser learns the masked phone
 * that holds it, so the family can sort it out (guide 三(三)).
 */
export async function addChild(
  deps: Deps,
  accountId: string,
  input: { name: string; idType: IdType; idNumber: string },
  ip: string | null = null,
) {
  const { db, vault } = deps;
  // Each try answers whether an ID number is bound, and to which masked phone: limited per account and per address.
  await takeLimits(deps, [{ rule: limits.childLookupPerAccount, subject: accountId }, ...perAddress(limits.childLookupPerAddress, ip)]);
  const now = deps.clock.now();
  const id = checkIdNumber(input.idType, input.idNumber, formatChinaDate(now));
  if (!id.ok) throw fieldError('idNumber', id.message);
  const name = validName(input.name, input.idType);
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(children).where(eq(children.accountId, accountId));
  if (n >= maxChildrenPerAccount) throw new DomainError('CHILD_LIMIT', `一个账号最多绑定${maxChildrenPerAccount}个孩子`);

  const idBlind = await vault.blindIndex(id.normalized);
  const row = {
    id: newId(deps.random),
    accountId,
    name,
    idType: input.idType,
    idCipher: await vault.encrypt(id.normalized),
    idBlind,
    idMasked: maskIdNumber(id.normalized),
    birthDate: id.birthDate,
    sex: id.sex,
    createdAt: now,
    updatedAt: now,
  };
  const inserted = await db.insert(children).values(row).onConflictDoNothing({ target: children.idBlind }).returning();
  if (inserted[0]) return view(inserted[0]);

  const [holder] = await db
    .select({ accountId: children.accountId, phone: accounts.phone })
    .from(children)
    .innerJoin(accounts, eq(accounts.id, children.accountId))
    .where(eq(children.idBlind, idBlind));
  if (holder?.accountId === accountId) throw new DomainError('CHILD_ALREADY_YOURS', '该孩子已在您的账号中，无需重复添加');
  throw new DomainError(
    'CHILD_ALREADY_BOUND',
    `该孩子已被手机号 ${holder ? maskPhone(holder.phone) : '***'} 绑定，请先联系该手机号的家属解绑`,
  );
}

/** Corrects a child's name (guide 二(四): 个人中心—我的孩子—修改姓名). */
export async function renameChild(deps: Deps, accountId: string, input: { childId: string; name: string }) {
  const { db } = deps;
  const [child] = await db
    .select()
    .from(children)
    .where(and(eq(children.id, input.childId), eq(children.accountId, accountId)));
  if (!child) throw new DomainError('CHILD_NOT_FOUND', '找不到该孩子');
  const [renamed] = await db
    .update(children)
    .set({ name: validName(input.name, child.idType), updatedAt: deps.clock.now() })
    .where(and(eq(children.id, child.id), eq(children.accountId, accountId)))
    .returning();
  if (!renamed) throw new DomainError('CHILD_NOT_FOUND', '找不到该孩子');
  return view(renamed);
}

/**
 * Unbinds a child so the other parent can bind it (guide 三(三)). Refused while one of its applications is under
 * review or decided; its drafts and withdrawn applications go with it. Both checks run inside the delete itself.
 */
export async function removeChild(deps: Deps, accountId: string, input: { childId: string }) {
  const { db } = deps;
  const noneActive = noRowExists(
    applications,
    eq(applications.childId, input.childId),
    inArray(applications.status, [...statusesThatKeepChildBound]),
  );
  const owned = and(eq(children.id, input.childId), eq(children.accountId, accountId));
  const leaving = db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.childId, input.childId),
        eq(applications.accountId, accountId),
        notInArray(applications.status, [...statusesThatKeepChildBound]),
        noneActive,
      ),
    );
  const [storedFiles, , , , , , removed] = await db.batch([
    ...applicationDeletion(db, leaving, deps.clock.now()),
    db.delete(children).where(and(owned, noneActive)),
  ]);
  if (removed.rowsAffected === 1) {
    for (const { storageKey } of storedFiles) await discardUnclaimed(deps, storageKey, 'a draft of an unbound child');
    return { removed: true as const };
  }
  const [child] = await db.select({ id: children.id }).from(children).where(owned);
  if (!child) throw new DomainError('CHILD_NOT_FOUND', '找不到该孩子');
  throw new DomainError('CHILD_HAS_ACTIVE_APPLICATION', '该孩子有审核中或已处理的报名，暂不能删除');
}
