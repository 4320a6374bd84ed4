import type { AppDeps } from '../../deps';
import { DomainError } from '../../domain/errors';
import { loadApplication } from '../applications/load';
import { auditStatement } from '../audit';
import type { SignedInStaff } from '../staff/sessions';
import { assertInScope } from './scope';

/**
 * The parent's full phone number for a reviewer who may see the application and needs to call, written to the audit
 * log first: if the entry cannot be written, nothing is revealed. The detail shows it masked.
 */
export async function revealParentPhone(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  member: SignedInStaff,
  input: { applicationId: string },
  request: { ip: string | null; requestId: string | null },
) {
  const { db } = deps;
  const loaded = await loadApplication(db, input.applicationId);
  if (!loaded || loaded.application.status === 'draft') throw new DomainError('APPLICATION_NOT_FOUND', '找不到该报名');
  assertInScope(member, loaded.application);
  await db.batch([
    auditStatement(db, {
      staffId: member.staffId,
      username: member.username,
      action: 'reveal_phone',
      applicationId: loaded.application.id,
      ip: request.ip,
      requestId: request.requestId,
      at: deps.clock.now(),
    }),
  ]);
  return { phone: loaded.phone };
}
