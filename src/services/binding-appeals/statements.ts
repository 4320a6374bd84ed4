import { and, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { noRowExists, rowExists } from '../../../db/exists';
import {
  applicationHistory,
  applications,
  bindingAppeals,
  children,
  documents,
  verificationChecks,
  verificationJobs,
} from '../../../db/schema';
import { intentsForDocumentsOf } from '../documents';

/** True while the child is still bound to the account the claim names as holder. */
export const heldBy = (childId: string, childBlind: string, holderAccountId: string): SQL =>
  rowExists(children, eq(children.id, childId), eq(children.idBlind, childBlind), eq(children.accountId, holderAccountId));

/** True while no application for the child has ever left the draft state (withdrawn ones count as submitted). */
export const onlyDrafts = (childId: string): SQL =>
  noRowExists(applications, eq(applications.childId, childId), ne(applications.status, 'draft'));

/** True when the account's own binding of the child was confirmed: a claim of that account was granted. */
export const bindingConfirmed = (childBlind: string, accountId: string): SQL =>
  rowExists(
    bindingAppeals,
    eq(bindingAppeals.childBlind, childBlind),
    eq(bindingAppeals.claimantAccountId, accountId),
    eq(bindingAppeals.status, 'granted'),
  );

/**
 * Moves the child from holder to claimant, `won` deciding inside the batch: the holder's drafts for the child go (an
 * upload intent is left for each of their documents, and the first statement returns the storage keys, for
 * `discardUnclaimed` after the commit), any other application of the
 * holder for the child moves with it, documents included. Statement order matters: each reads the holder's rows the
 * previous ones have not yet moved.
 */
export function moveBindingStatements(
  db: Db,
  m: { childId: string; holder: string; claimant: string; childName: string; now: Date; won: SQL },
) {
  const drafts = db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.childId, m.childId), eq(applications.accountId, m.holder), eq(applications.status, 'draft'), m.won));
  const holderApplications = db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.childId, m.childId), eq(applications.accountId, m.holder)));
  return [
    intentsForDocumentsOf(db, drafts, m.now),
    db.delete(documents).where(inArray(documents.applicationId, drafts)),
    db.delete(applicationHistory).where(inArray(applicationHistory.applicationId, drafts)),
    db.delete(verificationChecks).where(inArray(verificationChecks.applicationId, drafts)),
    db.delete(verificationJobs).where(inArray(verificationJobs.applicationId, drafts)),
    db.delete(applications).where(inArray(applications.id, drafts)).returning({ id: applications.id }),
    db
      .update(documents)
      .set({ accountId: m.claimant })
      .where(and(inArray(documents.applicationId, holderApplications), eq(documents.accountId, m.holder), m.won)),
    db
      .update(applications)
      .set({ accountId: m.claimant, updatedAt: m.now })
      .where(and(eq(applications.childId, m.childId), eq(applications.accountId, m.holder), m.won)),
    db
      .update(children)
      .set({ accountId: m.claimant, name: m.childName, updatedAt: m.now })
      .where(and(eq(children.id, m.childId), eq(children.accountId, m.holder), m.won)),
  ] as const;
}
