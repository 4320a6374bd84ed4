import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedInsertWhen } from '../../db/insert-when';
import { always, type BatchStatement, type PreparedCondition, preparedStatement, sendBatch } from '../../db/prepared';
import { applications, channels, children, communities, seasons, verificationChecks, verificationJobs } from '../../db/schema';
import type { AppDeps } from '../deps';
import { type AuthorityRecords, RecordsUnavailableError } from '../adapters/records';
import { nextAttemptDelay } from '../domain/backoff';
import { loggableError } from '../domain/error-text';
import { newId } from '../domain/ids';
import { type CheckOutcome, type FamilyFacts, channelOutcomes, identityOutcome, overall } from '../domain/verification';
import type { ChannelEligibility } from '../domain/catalog';
import { claimedCertificates, lockedCertificates } from './property-locks';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'random' | 'vault' | 'records' | 'recordsSource' | 'log'>;

const leaseMs = 2 * 60_000;
/** Applications a sweep checks at once (the records service is asked for each in turn). */
const checkConcurrency = 8;

type Town = (regionId: string) => Promise<Set<string>>;
type Outcomes = { outcomes: CheckOutcome[]; regionId: string } | null;

/**
 * A job to (re)check an application, as a prepared statement for the caller's batch (`sendBatch`: a submission, a
 * reviewer's request). `claimedBy`: the job is written already claimed by the caller, who runs it right after the
 * batch (`runVerification` with `preclaimed`), saving the claim's own round trip and commit; written only if `onlyIf`
 * holds as the batch runs (a state change's `wonPrepared`). If the caller stops, the claim lapses after `leaseMs` and
 * the sweeper takes the job. Without a claim the job is queued for the sweeper.
 */
export function verificationJob(applicationId: string, now: Date, claim?: { claimedBy: string; onlyIf: PreparedCondition }) {
  const job = jobColumns(now, claim?.claimedBy);
  return preparedInsertWhen(verificationJobs, { applicationId, ...job }, claim?.onlyIf ?? always, {
    target: verificationJobs.applicationId,
    update: Object.keys(job),
  });
}

/** A job's columns when it is written: claimed by `claimedBy` for `leaseMs`, or due for the sweeper. */
function jobColumns(now: Date, claimedBy?: string) {
  return claimedBy
    ? { dueAt: now, attempts: 1, claimedBy, claimExpiresAt: new Date(now.getTime() + leaseMs), lastError: null }
    : { dueAt: now, attempts: 0, claimedBy: null, claimExpiresAt: null, lastError: null };
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

/**
 * What the checks of one application read, in one query: its form, its channel's rule, its region and the child's
 * sealed ID number; none of the catalog's texts (decision 029).
 */
const checkRead = preparedStatement(['applicationId'], (db, p) =>
  db
    .select({
      application: { form: applications.form },
      channel: { eligibility: channels.eligibility },
      season: { regionId: seasons.regionId },
      child: { id: children.id, name: children.name, cipher: children.idCipher },
    })
    .from(applications)
    .innerJoin(seasons, eq(seasons.id, applications.seasonId))
    .innerJoin(children, eq(children.id, applications.childId))
    .leftJoin(channels, eq(channels.id, applications.channelId))
    .where(eq(applications.id, p.applicationId)),
);

/** The communities of the town an application's season is in. */
const applicationTownRead = preparedStatement(['applicationId'], (db, p) =>
  db
    .select({ name: communities.name })
    .from(communities)
    .innerJoin(seasons, eq(seasons.regionId, communities.regionId))
    .innerJoin(applications, eq(applications.seasonId, seasons.id))
    .where(eq(applications.id, p.applicationId)),
);

/** The outcomes of every claim of one application: identities, the hukou relation, and the channel's own. */
async function checkApplication(deps: Deps, applicationId: string, now: Date, town?: Town): Promise<Outcomes> {
  const { db } = deps;
  // Alone, the town's communities come in the same round trip; a sweep's group shares them by region (`town`).
  const [[loaded], names] = town
    ? [await checkRead.run(db, { applicationId }), null]
    : await sendBatch(db, [checkRead.with({ applicationId }), applicationTownRead.with({ applicationId })]);
  if (!loaded?.channel) return null;
  const { application, channel, child } = loaded;
  const unseal = async (field: 'fatherIdNumber' | 'motherIdNumber', nameField: 'fatherName' | 'motherName') => {
    const sealed = (application.form[field] as { sealed?: string } | undefined)?.sealed;
    const name = application.form[nameField];
    return sealed && typeof name === 'string' ? { name, idNumber: await deps.vault.decrypt(sealed) } : undefined;
  };
  const people = {
    child: { name: child.name, idNumber: await deps.vault.decrypt(child.cipher) },
    father: await unseal('fatherIdNumber', 'fatherName'),
    mother: await unseal('motherIdNumber', 'motherName'),
  };
  const facts = await familyFacts(deps.records, people, channel.eligibility.check);
  const townNames = names ? new Set(names.map((c) => c.name)) : await town!(loaded.season.regionId);
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
    ...channelOutcomes(channel.eligibility, facts, townNames, {
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
  preclaimed = false,
): Promise<'done' | 'pending' | 'skipped'> {
  const { db } = deps;
  const now = deps.clock.now();
  const [job] = preclaimed
    ? [{ attempts: 1 }]
    : await db
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
    await sendBatch(db, resultStatements(deps, applicationId, claimant, await checkApplication(deps, applicationId, now), now));
    return 'done';
  } catch (error) {
    await sendBatch(db, retryStatements(deps, applicationId, claimant, job.attempts, error, now));
    return 'pending';
  }
}

const checksCleared = preparedStatement(['applicationId'], (db, p) =>
  db.delete(verificationChecks).where(eq(verificationChecks.applicationId, p.applicationId)),
);
const verificationSet = preparedStatement(['applicationId', 'verification'], (db, p) =>
  db
    .update(applications)
    .set({ verification: sql`${p.verification}` })
    .where(eq(applications.id, p.applicationId)),
);
const jobEnded = preparedStatement(['applicationId', 'claimant'], (db, p) =>
  db.delete(verificationJobs).where(and(eq(verificationJobs.applicationId, p.applicationId), eq(verificationJobs.claimedBy, p.claimant))),
);

/** Stores one application's outcomes (replacing the previous ones) and ends its job, as prepared statements of a batch. */
function resultStatements(deps: Deps, applicationId: string, claimant: string, checked: Outcomes, now: Date): BatchStatement[] {
  const outcomes = checked?.outcomes ?? [];
  return [
    checksCleared.with({ applicationId }),
    ...(outcomes.length
      ? [
          preparedInsertWhen(
            verificationChecks,
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
            always,
          ),
        ]
      : []),
    verificationSet.with({ applicationId, verification: overall(outcomes.map((o) => o.result)) }),
    jobEnded.with({ applicationId, claimant }),
  ];
}

/**
 * A check that failed: when the records service is down the job stays, with back-off, for the sweeper (logged either
 * way); as statements of a batch.
 */
function retryStatements(deps: Deps, applicationId: string, claimant: string, attempts: number, error: unknown, now: Date) {
  const { db } = deps;
  const retry = error instanceof RecordsUnavailableError;
  deps.log.warn(`[verification] ${applicationId}: ${retry ? 'records unavailable, will retry' : 'check failed'}: ${loggableError(error)}`);
  return [
    db
      .update(verificationJobs)
      .set({
        claimedBy: null,
        claimExpiresAt: null,
        lastError: loggableError(error).slice(0, 300),
        dueAt: new Date(now.getTime() + nextAttemptDelay(attempts)),
      })
      .where(and(eq(verificationJobs.applicationId, applicationId), eq(verificationJobs.claimedBy, claimant))),
    db.update(applications).set({ verification: 'pending' }).where(eq(applications.id, applicationId)),
  ] as const;
}

/**
 * Claims up to `limit` due jobs in one statement: unclaimed ones and ones whose claimant's lease has lapsed. Two
 * sweepers running this at once never get the same job: the database runs each UPDATE alone.
 */
export async function claimDueChecks(db: Db, params: { now: Date; claimant: string; limit: number }) {
  const { now, claimant, limit } = params;
  const due = db
    .select({ id: verificationJobs.applicationId })
    .from(verificationJobs)
    .where(and(lte(verificationJobs.dueAt, now), or(isNull(verificationJobs.claimedBy), lt(verificationJobs.claimExpiresAt, now))))
    .orderBy(asc(verificationJobs.dueAt))
    .limit(limit);
  return db
    .update(verificationJobs)
    .set({ claimedBy: claimant, claimExpiresAt: new Date(now.getTime() + leaseMs), attempts: sql`${verificationJobs.attempts} + 1` })
    .where(inArray(verificationJobs.applicationId, due))
    .returning();
}

/**
 * The sweeper's part: due check jobs, oldest first, `limit` per group and group after group within a time budget.
 * A group is claimed in one statement, checked `checkConcurrency` at a time, and its outcomes (results, or back-off
 * for the records service being down) are written in one batch: a commit per group, not two per application.
 */
export async function sweepVerification(deps: Deps, options: { limit?: number; budgetMs?: number } = {}) {
  const started = performance.now();
  const limit = options.limit ?? 100;
  const report = { done: 0, pending: 0, skipped: 0 };
  const claimant = `sweep:${newId(deps.random)}`;
  const towns = new Map<string, Promise<Set<string>>>();
  const town: Town = (regionId) => {
    if (!towns.has(regionId)) towns.set(regionId, townCommunities(deps.db, regionId));
    return towns.get(regionId)!;
  };
  for (;;) {
    const now = deps.clock.now();
    const jobs = await claimDueChecks(deps.db, { now, claimant, limit });
    if (jobs.length === 0) break;
    const statements: BatchStatement[] = [];
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        try {
          statements.push(
            ...resultStatements(deps, job.applicationId, claimant, await checkApplication(deps, job.applicationId, now, town), now),
          );
          report.done++;
        } catch (error) {
          statements.push(...retryStatements(deps, job.applicationId, claimant, job.attempts, error, now));
          report.pending++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(checkConcurrency, jobs.length) }, worker));
    await sendBatch(deps.db, statements);
    if (jobs.length < limit || performance.now() - started > (options.budgetMs ?? 20_000)) break;
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
