import type { AppDeps } from '../../deps';
import { maskPhone } from '../../domain/masking';
import { auditStatement } from '../audit';
import { ownApplication } from './load';
import { type IdField, sealedIdOf } from './sealed-id';

/**
 * An ID number of the parent's own application in full, so that a parent asked to correct it can check what they
 * typed (the pages show it masked). Written to the audit log first, as every full view of an ID number is: if the
 * entry cannot be written, nothing is revealed.
 */
export async function revealOwnIdNumber(
  deps: Pick<AppDeps, 'db' | 'clock' | 'vault'>,
  parent: { accountId: string; phone: string },
  input: { applicationId: string; field: IdField },
  request: { ip: string | null; requestId: string | null },
) {
  const { db } = deps;
  const loaded = await ownApplication(db, parent.accountId, input.applicationId);
  const sealed = await sealedIdOf(db, loaded, input.field);
  await db.batch([
    auditStatement(db, {
      staffId: null,
      username: `家长 ${maskPhone(parent.phone)}`,
      action: 'reveal_own_id',
      applicationId: loaded.application.id,
      detail: { field: input.field, accountId: parent.accountId },
      ip: request.ip,
      requestId: request.requestId,
      at: deps.clock.now(),
    }),
  ]);
  return { field: input.field, idNumber: await deps.vault.decrypt(sealed) };
}
