import { TRPCClientError } from '@trpc/client';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client';
import { applicationHistory, applications } from '../../db/schema';
import { createEnrollmentClient } from '../../src/client';
import { refusal } from '../helpers/refusal';
import { prepareDrafts } from '../helpers/worker-drafts';
import { startWorkerStack, workerDataKey } from '../helpers/worker-stack';

const now = '2024-07-20T10:00:00+08:00';
const families = 40;
const unavailable = '系统暂时无法处理请求，请稍后重试；已成功提交的信息不会丢失';

describe('the Worker while its database (sqld) is killed and restarted', () => {
  let stack: Awaited<ReturnType<typeof startWorkerStack<Awaited<ReturnType<typeof prepareDrafts>>>>>;
  let regionId: string;

  beforeAll(async () => {
    stack = await startWorkerStack({ now, prepare: (db) => prepareDrafts(db, workerDataKey, new Date(now), families) });
    regionId = (await createEnrollmentClient({ url: stack.url }).catalog.regions.query())[0]!.id;
  }, 180_000);
  afterAll(() => stack?.stop());

  it('tells parents in Chinese that the service is briefly unavailable (503), loses no acknowledged submission, and recovers by itself', async () => {
    const drafts = stack.prepared;
    const submit = (i: number) =>
      createEnrollmentClient({ url: stack.url, token: drafts[i]!.token }).applications.submit.mutate({
        applicationId: drafts[i]!.applicationId,
        version: drafts[i]!.version,
      });

    // Half the families submit while the database is killed under them.
    const first = Array.from({ length: families / 2 }, (_, i) =>
      submit(i).then(
        (v) => v,
        (e: unknown) => e,
      ),
    );
    await new Promise((r) => setTimeout(r, 150));
    await stack.killDatabase();
    const during = await Promise.all(first);

    // While it is down: every answer is the typed 503 in Chinese, never a bare 500.
    const reading = await refusal(createEnrollmentClient({ url: stack.url }).catalog.region.query({ regionId }));
    expect(reading.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503 });
    expect(reading.message).toBe(unavailable);
    const writing = await refusal(submit(families / 2));
    expect(writing.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503 });
    const raw = await fetch(`${stack.url}/trpc/catalog.region?input=${encodeURIComponent(JSON.stringify({ regionId }))}`);
    expect(raw.status).toBe(503);
    expect(raw.headers.get('retry-after')).toBe('5');
    const health = await fetch(`${stack.url}/api/health`);
    expect(health.status).toBe(503);

    const refused = during.filter((r): r is TRPCClientError<never> => r instanceof TRPCClientError);
    for (const error of refused) expect((error.data as { code?: string } | undefined)?.code).toBe('SERVICE_UNAVAILABLE');
    const acknowledged = during.filter((r) => !(r instanceof Error)) as { applicationId: string; message: string }[];
    expect(acknowledged.length + refused.length).toBe(families / 2);

    // Back up on the same files: the Worker, never restarted, answers again on its own.
    const killedAt = Date.now();
    await stack.restartDatabase();
    await expect.poll(async () => (await fetch(`${stack.url}/api/health`)).status, { timeout: 15_000, interval: 100 }).toBe(200);
    const recoveredMs = Date.now() - killedAt;
    expect((await createEnrollmentClient({ url: stack.url }).catalog.region.query({ regionId })).entries).toHaveLength(3);

    // The refused ones (and the other half) submit again; a submission the database took before its answer was lost is not doubled.
    const again = await Promise.all(
      Array.from({ length: families }, (_, i) =>
        submit(i).then(
          (v) => v,
          (e: unknown) => e,
        ),
      ),
    );
    const lateRefusals = again.filter((r) => r instanceof Error);
    expect(lateRefusals).toEqual([]);

    const db = await createDb(stack.sqldUrl);
    try {
      const ids = drafts.map((d) => d.applicationId);
      const rows = await db
        .select({ id: applications.id, status: applications.status })
        .from(applications)
        .where(inArray(applications.id, ids));
      expect(
        rows
          .filter((r) => r.status === 'submitted')
          .map((r) => r.id)
          .sort(),
      ).toEqual([...ids].sort());
      const history = await db
        .select({ id: applicationHistory.applicationId })
        .from(applicationHistory)
        .where(and(inArray(applicationHistory.applicationId, ids), eq(applicationHistory.toStatus, 'submitted')));
      expect(history.map((h) => h.id).sort()).toEqual([...ids].sort());
      for (const a of acknowledged) expect(ids).toContain(a.applicationId);
    } finally {
      db.$client.close();
    }
    console.info(
      `sqld killed: ${acknowledged.length} of ${families / 2} in-flight submissions acknowledged, ${refused.length} refused with 503; Worker answering again ${recoveredMs} ms after the restart began`,
    );
    expect(stack.worker.output()).not.toMatch(/hung|Uncaught/);
  }, 120_000);
});
