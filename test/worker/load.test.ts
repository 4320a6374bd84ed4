import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client';
import { applicationHistory, applications } from '../../db/schema';
import { createEnrollmentClient } from '../../src/client';
import { prepareDrafts, seedSignInCodes } from '../helpers/worker-drafts';
import { startWorkerStack, workerDataKey } from '../helpers/worker-stack';
import { privacyNotice } from '../../src/domain/privacy-notice';

const now = '2024-07-20T10:00:00+08:00';
const concurrent = 100;
const phones = Array.from({ length: concurrent }, (_, i) => `136${String(20_000_000 + i).slice(-8)}`);

/** Runs `call` `count` times at once, each over its own HTTP request, and sorts the outcomes. */
async function burst<T>(count: number, call: (i: number) => Promise<T>) {
  const outcomes = await Promise.allSettled(Array.from({ length: count }, (_, i) => call(i)));
  const values = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
  const errors = outcomes.flatMap((o) => (o.status === 'rejected' ? [String((o.reason as Error)?.message ?? o.reason)] : []));
  return { values, errors };
}

/** A client of its own for each call: no two calls share an HTTP request (httpBatchLink batches calls of one client). */
const oddBodies: string[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!(response.headers.get('content-type') ?? '').includes('json')) oddBodies.push(`${response.status} ${await response.clone().text()}`);
  return response;
};
const clientOf = (url: string, token?: string) => createEnrollmentClient({ url, token, fetch: recordingFetch });

describe('the Worker under 100 concurrent requests of each kind (wrangler dev + sqld)', () => {
  let stack: Awaited<ReturnType<typeof startWorkerStack<Awaited<ReturnType<typeof prepare>>>>>;
  let regionId: string;

  const prepare = async (db: Parameters<typeof prepareDrafts>[0]) => ({
    codes: await seedSignInCodes(db, workerDataKey, phones, new Date(now)),
    drafts: await prepareDrafts(db, workerDataKey, new Date(now), concurrent),
  });

  beforeAll(async () => {
    stack = await startWorkerStack({ now, prepare });
    regionId = (await clientOf(stack.url).catalog.regions.query())[0]!.id;
  }, 180_000);
  afterAll(() => stack?.stop());

  /** Afterwards the isolate still answers, one request at a time. */
  async function sequentialAfterwards() {
    for (let i = 0; i < 10; i++) {
      const region = await clientOf(stack.url).catalog.region.query({ regionId });
      expect(region.entries).toHaveLength(3);
    }
    expect(stack.worker.output()).not.toMatch(/hung|Uncaught|on behalf of a different request/);
  }

  it('acknowledges 100 concurrent submissions, each present exactly once in the database', async () => {
    const { drafts } = stack.prepared;
    const { values, errors } = await burst(concurrent, (i) =>
      clientOf(stack.url, drafts[i]!.token).applications.submit.mutate({
        applicationId: drafts[i]!.applicationId,
        version: drafts[i]!.version,
      }),
    );
    if (errors.length) console.log(oddBodies.slice(0, 3));
    expect(errors).toEqual([]);
    expect(values.every((v) => v.message === '报名信息提交成功')).toBe(true);

    const db = await createDb(stack.sqldUrl);
    try {
      const ids = values.map((v) => v.applicationId);
      expect(new Set(ids).size).toBe(concurrent);
      const rows = await db
        .select({ id: applications.id, status: applications.status })
        .from(applications)
        .where(inArray(applications.id, ids));
      expect(rows.filter((r) => r.status === 'submitted')).toHaveLength(concurrent);
      const history = await db
        .select({ id: applicationHistory.applicationId })
        .from(applicationHistory)
        .where(and(inArray(applicationHistory.applicationId, ids), eq(applicationHistory.toStatus, 'submitted')));
      expect(history).toHaveLength(concurrent);
      expect(new Set(history.map((h) => h.id)).size).toBe(concurrent);
    } finally {
      db.$client.close();
    }
    await sequentialAfterwards();
  }, 240_000);

  it('answers 100 concurrent catalog.region requests, then sequential ones, without one error', async () => {
    const { values, errors } = await burst(concurrent, () => clientOf(stack.url).catalog.region.query({ regionId }));
    expect(errors).toEqual([]);
    expect(values.every((r) => r.entries.map((e) => e.code).join() === 'grade1,grade7,transfer')).toBe(true);
    await sequentialAfterwards();
  });

  it('signs in 100 parents at once with their codes, each session working afterwards', async () => {
    const { values, errors } = await burst(concurrent, (i) =>
      clientOf(stack.url).auth.signIn.mutate({
        phone: phones[i]!,
        code: stack.prepared.codes.get(phones[i]!)!,
        session: 'token',
        acceptedNotice: privacyNotice.version,
      }),
    );
    expect(errors).toEqual([]);
    expect(new Set(values.map((v) => v.token)).size).toBe(concurrent);
    for (const [i, v] of values.entries()) {
      expect((await clientOf(stack.url, v.token!).auth.me.query()).phone).toBe(values[i]!.account.phone);
    }
    await sequentialAfterwards();
  });
});
