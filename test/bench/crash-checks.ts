import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applicationHistory, applications, documents, outbox } from '../../db/schema';

/** The transitions the crash bench drives, counted per application. */
export type Transition = 'submitted' | 'withdrawn' | 'preliminarily_approved' | 'rejected';
export type TransitionCounts = Map<string, Record<Transition, number>>;

export interface ClientView {
  /** Transitions whose success the client was told, per application. */
  acknowledged: TransitionCounts;
  /** Transitions whose call was cut off by a kill: the client never learnt whether they happened. */
  cutOff: TransitionCounts;
  acknowledgedUploads: Set<string>;
}

export interface ProviderReport {
  requests: { key: string | null; outcome: string }[];
  deliveries: { idempotencyKey: string }[];
}

/**
 * The crash bench's checks against the database and the documents folder after the last restart and drain
 * (see test/bench/crash.ts): every problem found, and the figures the report prints.
 */
export async function checkCrashRun(db: Db, filesDir: string, client: ClientView, provider: ProviderReport) {
  const problems: string[] = [];

  const history = await db
    .select({ applicationId: applicationHistory.applicationId, to: applicationHistory.toStatus })
    .from(applicationHistory);
  const inDb = new Map<string, Record<string, number>>();
  for (const h of history) {
    const entry = inDb.get(h.applicationId) ?? {};
    entry[h.to] = (entry[h.to] ?? 0) + 1;
    inDb.set(h.applicationId, entry);
  }
  // Applications with history but no call at all are checked too: a transition nobody asked for counts as doubled.
  const applicationIds = new Set([...client.acknowledged.keys(), ...client.cutOff.keys(), ...inDb.keys()]);
  for (const applicationId of applicationIds) {
    const acked = client.acknowledged.get(applicationId);
    const cut = client.cutOff.get(applicationId);
    for (const to of ['submitted', 'withdrawn', 'preliminarily_approved', 'rejected'] as Transition[]) {
      const present = inDb.get(applicationId)?.[to] ?? 0;
      const atLeast = acked?.[to] ?? 0;
      const atMost = atLeast + (cut?.[to] ?? 0);
      if (present < atLeast)
        problems.push(`application ${applicationId}: ${atLeast} acknowledged → ${to}, ${present} in its history (lost)`);
      if (present > atMost)
        problems.push(`application ${applicationId}: ${present} → ${to} in its history, at most ${atMost} possible (doubled)`);
    }
  }
  const perChild = await db
    .select({ childId: applications.childId, n: sql<number>`count(*)` })
    .from(applications)
    .groupBy(applications.childId);
  for (const row of perChild) if (row.n > 1) problems.push(`child ${row.childId} has ${row.n} applications`);

  const documentRows = await db.select({ id: documents.id, storageKey: documents.storageKey }).from(documents);
  const rowIds = new Set(documentRows.map((d) => d.id));
  for (const id of client.acknowledgedUploads) if (!rowIds.has(id)) problems.push(`acknowledged upload ${id} has no row`);
  const storedFiles = new Set<string>();
  let temporaryFiles = 0;
  for (const folder of existsSync(filesDir) ? readdirSync(filesDir) : []) {
    for (const name of readdirSync(join(filesDir, folder))) {
      if (name.startsWith('.')) temporaryFiles++;
      else storedFiles.add(name);
    }
  }
  for (const d of documentRows) if (!storedFiles.has(d.storageKey)) problems.push(`document ${d.id} has no bytes in the store`);
  const referenced = new Set(documentRows.map((d) => d.storageKey));
  const bytesWithoutRow = [...storedFiles].filter((key) => !referenced.has(key)).length;
  // After the drain the upload sweep has run past every grace period: killed uploads leave nothing behind.
  if (bytesWithoutRow > 0) problems.push(`${bytesWithoutRow} stored files have no document row after the sweep`);
  if (temporaryFiles > 0) problems.push(`${temporaryFiles} temporary files are left after the sweep`);

  const outboxRows = await db.select({ key: outbox.idempotencyKey, status: outbox.status }).from(outbox);
  const deliveredTimes = new Map<string, number>();
  for (const d of provider.deliveries) deliveredTimes.set(d.idempotencyKey, (deliveredTimes.get(d.idempotencyKey) ?? 0) + 1);
  for (const row of outboxRows) {
    if (row.status !== 'sent') problems.push(`outbox ${row.key}: ${row.status} after the drain`);
    const times = deliveredTimes.get(row.key) ?? 0;
    if (times !== 1) problems.push(`outbox ${row.key}: delivered ${times} times`);
  }
  const outboxKeys = new Set(outboxRows.map((r) => r.key));
  for (const key of deliveredTimes.keys()) if (!outboxKeys.has(key)) problems.push(`provider delivered ${key}, which no outbox row names`);
  const callsPerKey = new Map<string, number>();
  for (const r of provider.requests) if (r.key) callsPerKey.set(r.key, (callsPerKey.get(r.key) ?? 0) + 1);
  const statusCounts = await db
    .select({ status: applications.status, n: sql<number>`count(*)` })
    .from(applications)
    .groupBy(applications.status);

  return {
    problems,
    figures: {
      historyRows: history.length,
      statusCounts,
      documentRows: documentRows.length,
      files: storedFiles.size,
      bytesWithoutRow,
      temporaryFiles,
      outboxRows: outboxRows.length,
      allSent: outboxRows.every((r) => r.status === 'sent'),
      providerCalls: provider.requests.length,
      deliveries: provider.deliveries.length,
      keysCalledMoreThanOnce: [...callsPerKey.values()].filter((n) => n > 1).length,
    },
  };
}
