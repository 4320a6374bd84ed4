import { and, eq } from 'drizzle-orm';
import { guardConditions } from '../../../db/change';
import { applications } from '../../../db/schema';
import type { AppDeps } from '../../deps';
import { orRefuse } from '../../domain/application';
import { decideDiscardDraft } from '../../domain/application-discard';
import { DomainError } from '../../domain/errors';
import { discardUnclaimed } from '../documents';
import { applicationGuard } from './commit';
import { applicationDeletion } from './deletion';
import { ownApplication } from './load';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'files' | 'log'>;

/**
 * 删除草稿 (the rule is `domain/application-discard`): the draft and its documents go in one batch, guarded by the
 * version the parent saw, so a submission or a save racing with it leaves one outcome, never half of each. The bytes
 * are deleted after the commit; a crash in between leaves them to the upload sweep.
 */
export async function discardDraft(deps: Deps, accountId: string, input: { applicationId: string }) {
  const { db } = deps;
  const loaded = await ownApplication(db, accountId, input.applicationId);
  const decision = orRefuse(decideDiscardDraft(loaded.application));
  const leaving = db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.id, loaded.application.id),
        eq(applications.accountId, accountId),
        ...guardConditions(applications, applicationGuard(decision.guard)),
      ),
    );
  const [storedFiles, , , , , removed] = await db.batch(applicationDeletion(db, leaving, deps.clock.now()));
  if (removed.rowsAffected === 0) throw new DomainError('APPLICATION_CHANGED', '报名草稿已在别处更新或提交，请刷新后再操作');
  for (const { storageKey } of storedFiles) await discardUnclaimed(deps, storageKey, 'a discarded draft');
  return { applicationId: loaded.application.id, discarded: true as const };
}
