import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client';
import { devSms as devSmsTable, outbox, verificationChecks, verificationJobs } from '../../db/schema';
import { devSms } from '../../src/adapters/sms-dev';
import { createEnrollmentClient } from '../../src/client';
import { applicationNoticeKey } from '../../src/domain/notices';
import { type RushGauge, rushGauge } from '../../src/services/rush';
import { sweepDeferred } from '../../src/services/sweep';
import { startTestHost, type TestHost } from '../helpers/host';
import { type PreparedDraft, prepareDrafts } from '../helpers/worker-drafts';

const now = '2024-07-20T10:00:00+08:00';
const demoDataKey = 'demo-only-data-key-never-use-in-production';
let t: TestHost;
let drafts: PreparedDraft[];
let hostGauge: RushGauge;

beforeAll(async () => {
  t = await startTestHost({ now });
  drafts = await prepareDrafts(t.host.deps.db, demoDataKey, new Date(now), 8);
  hostGauge = t.host.deps.rush!;
});
afterAll(() => t?.close());

/** Every submission counts as part of a rush from now on; `nudge` keeps the host's own sweeper call. */
function alwaysRush(nudge: boolean) {
  const gauge = rushGauge({ requestsInFlight: 0, holdMs: 0 });
  if (nudge) gauge.onDeferred = hostGauge.onDeferred;
  t.host.deps.rush = gauge;
  return gauge;
}

const submit = (draft: PreparedDraft) =>
  createEnrollmentClient({ url: t.url, token: draft.token }).applications.submit.mutate({
    applicationId: draft.applicationId,
    version: draft.version,
  });
const keyOf = (d: PreparedDraft) => applicationNoticeKey(d.applicationId, d.version + 1);

async function stateOf(batch: PreparedDraft[]) {
  const { db } = t.host.deps;
  const keys = batch.map(keyOf);
  const ids = batch.map((d) => d.applicationId);
  const rows = await db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.idempotencyKey, keys));
  const [delivered] = await db.select({ n: count() }).from(devSmsTable).where(inArray(devSmsTable.idempotencyKey, keys));
  const [queued] = await db.select({ n: count() }).from(verificationJobs).where(inArray(verificationJobs.applicationId, ids));
  const checks = await db
    .select({ applicationId: verificationChecks.applicationId, n: count() })
    .from(verificationChecks)
    .where(inArray(verificationChecks.applicationId, ids))
    .groupBy(verificationChecks.applicationId);
  return { outbox: rows.map((r) => r.status).sort(), delivered: delivered!.n, queued: queued!.n, checks: checks.map((c) => c.n) };
}

describe('in a rush (decision 029)', () => {
  it('answers each submission at once and leaves its SMS and checks to the sweepers; two sweepers racing send each SMS once and check each application once', async () => {
    alwaysRush(false);
    try {
      const batch = drafts.slice(0, 6);
      const answers = await Promise.all(batch.map(submit));
      expect(answers.every((a) => a.status === 'submitted')).toBe(true);
      expect(await stateOf(batch)).toEqual({ outbox: Array(6).fill('pending'), delivered: 0, queued: 6, checks: [] });

      // A second host process on the same database file: its own client and its own SMS sender.
      const other = await createDb(`file:${t.dbFile}`);
      try {
        const deps = t.host.deps;
        const second = { ...deps, db: other, sms: devSms(other, deps.log, deps.clock) };
        const reports = await Promise.all([sweepDeferred(deps), sweepDeferred(second), sweepDeferred(deps)]);
        expect(reports.reduce((n, r) => n + r.outbox.sent, 0)).toBe(6);
        expect(reports.reduce((n, r) => n + r.verification.done, 0)).toBe(6);
      } finally {
        other.$client.close();
      }
      const after = await stateOf(batch);
      expect(after).toMatchObject({ outbox: Array(6).fill('sent'), delivered: 6, queued: 0 });
      expect(after.checks).toHaveLength(6);
      // Checked once each: a hukou family's claims (identity of the child and the parents, the hukou), not twice as many.
      expect(new Set(after.checks).size).toBe(1);
      expect(after.checks[0]).toBeLessThan(8);
      expect(t.errors).toEqual([]);
    } finally {
      t.host.deps.rush = hostGauge;
    }
  });

  it('on the Node host the sweeper runs a second after the rush deferred work: the SMS goes out within seconds, not at the minute', async () => {
    const gauge = alwaysRush(true);
    try {
      const [draft] = drafts.slice(6, 7);
      await submit(draft!);
      expect(gauge.takeDeferred()).toBe(1);
      await expect
        .poll(async () => stateOf([draft!]), { timeout: 10_000, interval: 200 })
        .toMatchObject({
          outbox: ['sent'],
          delivered: 1,
          queued: 0,
        });
    } finally {
      t.host.deps.rush = hostGauge;
    }
  });

  it('a family submitting while the host is quiet gets its SMS right after the answer, as before', async () => {
    const [draft] = drafts.slice(7, 8);
    await submit(draft!);
    expect(hostGauge.takeDeferred()).toBe(0);
    await expect
      .poll(async () => stateOf([draft!]), { timeout: 10_000, interval: 100 })
      .toMatchObject({ outbox: ['sent'], delivered: 1, queued: 0 });
    const { db } = t.host.deps;
    const [row] = await db
      .select({ attempts: outbox.attempts })
      .from(outbox)
      .where(and(eq(outbox.idempotencyKey, keyOf(draft!))));
    expect(row!.attempts).toBe(1);
  });
});
