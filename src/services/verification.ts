import { and, asc, eq, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applications, children, communities, verificationChecks, verificationJobs } from '../../db/schema';
import type { AppDeps } from '../deps';
import { type AuthorityRecords, RecordsUnavailableError } from '../adapters/records';
import { nextAttemptDelay } from '../domain/backoff';
import { loggableError } from '../domain/error-text';
import { newId } from '../domain/ids';
import { type CheckOutcome, type FamilyFacts, channelOutcomes, identityOutcome, overall } from '../domain/verification';
import type { ChannelEligibility } from '../domain/catalog';
import { loadApplication } from './applications/load';
import { claimedCertificates, lockedCertificates } from './property-locks';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'vault' | 'records' | 'recordsSource' | 'log'>;

const leaseMs = 2 * 60_000;

/** A job to (re)check an application, as a statement for the caller's batch (submission, a reviewer's request). */
export function verificationJob(db: Db, applicationId: string, now: Date) {
  return db
    .insert(verificationJobs)
    .values({ applicationId, dueAt: now, attempts: 0 })
    .onConflictDoUpdate({
      target: verificationJobs.applicationId,
      set: { dueAt: now, attempts: 0, claimedBy: null, claimExpiresAt: null, lastError: null },
    });
}

export async function townCommunities(db: Db, regionId: string): Promise<Set<string>> {
  return new Set(
    (await db.select({ name: communities.name }).from(communities).where(eq(communities.regionId, regionId))).map((c) => c.name),
  );
}

/** What the records hold for a child and (up to) two parents, limited to what the channel needs. */
export async function familyFacts(
  records: AuthorityRecords,
  people: {
    child: { name: string; idNumber: string };
    father?: { name: string; idNumber: string };
    mother?: { name: string; idNumber: string };
  },
  check: ChannelEligibility['check'] | 'all',
): Promise<FamilyFacts> {
  const parents = [people.father, people.mother].filter((p): p is { name: string; idNumber: string } => Boolean(p));
  const parentIds = parents.map((p) => p.idNumber);
  const identities: FamilyFacts['identities'] = {};
  for (const [who, person] of Object.entries(people) as ['child' | 'father' | 'mother', { name: string; idNumber: string } | undefined][]) {
    if (person) identities[who] = (await records.identity(person)).result;
  }
  const hukou = await records.hukou(people.child.idNumber);
  const facts: FamilyFacts = {
    identities,
    childHukou: hukou
      ? {
          community: hukou.community,
          registeredOn: hukou.registeredOn,
          parentInHousehold: hukou.relations.some((m) => parentIds.includes(m.idNumber)),
        }
      : null,
  };
  const wants = (c: ChannelEligibility['check']) => check === 'all' || check === c;
  if (wants('property'))
    facts.properties = (await records.properties(parentIds)).map((p) => ({
      community: p.community,
      registeredOn: p.registeredOn,
      certificateNumber: p.certificateNumber,
    }));
  if (wants('pension')) {
    facts.pensions = [];
    for (const id of parentIds) {
      const p = await records.pension(id);
      if (p) facts.pensions.push({ firstPaidOn: p.firstPaidOn, months: p.months });
    }
  }
  if (wants('business')) {
    facts.licences = [];
    for (const id of parentIds)
      facts.licences.push(...(await records.businessLicences(id)).map((l) => ({ issuedOn: l.issuedOn, community: l.community })));
  }
  if (wants('public_servant')) {
    facts.publicServant = null;
    for (const id of parentIds) {
      const p = await records.publicServant(id);
      if (p) {
        facts.publicServant = { employer: p.employer, since: p.since };
        break;
      }
    }
  }
  return facts;
}

/** The outcomes of every claim of one application: identities, the hukou relation, and the channel's own. */
async function checkApplication(
  deps: Deps,
  applicationId: string,
  now: Date,
): Promise<{ outcomes: CheckOutcome[]; regionId: string } | null> {
  const loaded = await loadApplication(deps.db, applicationId);
  if (!loaded?.channel) return null;
  const { application, channel } = loaded;
  const [child] = await deps.db
    .select({ cipher: children.idCipher, name: children.name })
    .from(children)
    .where(eq(children.id, loaded.child.id));
  const unseal = async (field: 'fatherIdNumber' | 'motherIdNumber', nameField: 'fatherName' | 'motherName') => {
    const sealed = (application.form[field] as { sealed?: string } | undefined)?.sealed;
    const name = application.form[nameField];
    return sealed && typeof name === 'string' ? { name, idNumber: await deps.vault.decrypt(sealed) } : undefined;
  };
  const people = {
    child: { name: child!.name, idNumber: await deps.vault.decrypt(child!.cipher) },
    father: await unseal('fatherIdNumber', 'fatherName'),
    mother: await unseal('motherIdNumber', 'motherName'),
  };
  const facts = await familyFacts(deps.records, people, channel.eligibility.check);
  const town = await townCommunities(deps.db, loaded.season.regionId);
  if (channel.eligibility.check === 'property')
    facts.lockedCertificates = await lockedCertificates(
      deps.db,
      { childId: loaded.child.id, keys: claimedCertificates(facts, application.form.propertyCertificateNumber) },
      now,
    );
  const outcomes = [
    ...(Object.entries(facts.identities) as ['child' | 'father' | 'mother', 'match' | 'name_mismatch' | 'not_found'][]).map(([who, r]) =>
      identityOutcome(who, r),
    ),
    ...channelOutcomes(channel.eligibility, facts, town, {
      hukouShowsRelation: typeof application.form.hukouShowsRelation === 'boolean' ? application.form.hukouShowsRelation : null,
      businessProof: application.form.businessProof,
      propertyProof: application.form.propertyProof,
      propertyCertificateNumber: application.form.propertyCertificateNumber,
    }),
  ];
  return { outcomes, regionId: loaded.season.regionId };
}

/**
 * Runs one application's checks now and stores the results in one batch (replacing the previous ones); when the
 * records service is down the job stays, with back-off, for the sweeper. Never throws for the service's failures.
 */
export async function runVerification(
  deps: Deps,
  applicationId: string,
  claimant = `now:${newId(deps.random)}`,
): Promise<'done' | 'pending' | 'skipped'> {
  const { db } = deps;
  const now = deps.clock.now();
  const [job] = await db
    .update(verificationJobs)
    .set({ claimedBy: claimant, claimExpiresAt: new Date(now.getTime() + leaseMs), attempts: sql`${verificationJobs.attempts} + 1` })
    .where(
      and(
        eq(verificationJobs.applicationId, applicationId),
        lte(verificationJobs.dueAt, now),
        or(sql`${verificationJobs.claimedBy} IS NULL`, lt(verificationJobs.claimExpiresAt, now)),
      ),
    )
    .returning();
  if (!job) return 'skipped';
  try {
    const checked = await checkApplication(deps, applicationId, now);
    const outcomes = checked?.outcomes ?? [];
    await db.batch([
      db.delete(verificationChecks).where(eq(verificationChecks.applicationId, applicationId)),
      ...(outcomes.length
        ? [
            db.insert(verificationChecks).values(
              outcomes.map((o) => ({
                id: newId(deps.random),
                applicationId,
                claim: o.claim,
                result: o.result,
                summary: o.summary,
                values: o.values,
                source: deps.recordsSource,
                checkedAt: now,
              })),
            ),
          ]
        : []),
      db
        .update(applications)
        .set({ verification: overall(outcomes.map((o) => o.result)) })
        .where(eq(applications.id, applicationId)),
      db.delete(verificationJobs).where(and(eq(verificationJobs.applicationId, applicationId), eq(verificationJobs.claimedBy, claimant))),
    ]);
    return 'done';
  } catch (error) {
    const retry = error instanceof RecordsUnavailableError;
    deps.log.warn(
      `[verification] ${applicationId}: ${retry ? 'records unavailable, will retry' : 'check failed'}: ${loggableError(error)}`,
    );
    await db.batch([
      db
        .update(verificationJobs)
        .set({
          claimedBy: null,
          claimExpiresAt: null,
          lastError: loggableError(error).slice(0, 300),
          dueAt: new Date(now.getTime() + nextAttemptDelay(job.attempts)),
        })
        .where(and(eq(verificationJobs.applicationId, applicationId), eq(verificationJobs.claimedBy, claimant))),
      db.update(applications).set({ verification: 'pending' }).where(eq(applications.id, applicationId)),
    ]);
    return 'pending';
  }
}

/** The sweeper's part: every due check job, oldest first, within a time budget. */
export async function sweepVerification(deps: Deps, options: { limit?: number; budgetMs?: number } = {}) {
  const started = performance.now();
  const due = await deps.db
    .select({ id: verificationJobs.applicationId })
    .from(verificationJobs)
    .where(lte(verificationJobs.dueAt, deps.clock.now()))
    .orderBy(asc(verificationJobs.dueAt))
    .limit(options.limit ?? 100);
  const report = { done: 0, pending: 0, skipped: 0 };
  const claimant = `sweep:${newId(deps.random)}`;
  for (const { id } of due) {
    report[await runVerification(deps, id, claimant)]++;
    if (performance.now() - started > (options.budgetMs ?? 20_000)) break;
  }
  return report;
}

/** The stored results of an application, for the reviewer's panel. */
export async function verificationResults(db: Db, applicationId: string) {
  const [checks, [job]] = await Promise.all([
    db.select().from(verificationChecks).where(eq(verificationChecks.applicationId, applicationId)).orderBy(asc(verificationChecks.claim)),
    db.select().from(verificationJobs).where(eq(verificationJobs.applicationId, applicationId)),
  ]);
  return {
    pending: Boolean(job),
    lastError: job?.lastError ?? null,
    checks: checks.map((c) => ({
      claim: c.claim,
      result: c.result,
      summary: c.summary,
      values: c.values,
      source: c.source,
      checkedAt: c.checkedAt.toISOString(),
    })),
  };
}
