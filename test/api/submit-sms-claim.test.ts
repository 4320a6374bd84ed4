import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, devSms, outbox } from '../../db/schema';
import { manualClock } from '../../src/adapters/clock';
import { applicationNoticeKey } from '../../src/domain/notices';
import { submitApplication } from '../../src/services/applications/submit';
import { sendNowLeaseMs, sweepOutbox } from '../../src/services/outbox';
import { startTestHost, type TestHost } from '../helpers/host';
import { type PreparedDraft, prepareDrafts } from '../helpers/worker-drafts';

const now = '2024-07-20T10:00:00+08:00';
const demoDataKey = 'demo-only-data-key-never-use-in-production';
let t: TestHost;
let drafts: PreparedDraft[];

beforeAll(async () => {
  t = await startTestHost({ now });
  drafts = await prepareDrafts(t.host.deps.db, demoDataKey, new Date(now), 2);
});
afterAll(() => t?.close());

async function submitted(draft: PreparedDraft, defer: (task: () => Promise<unknown>) => void) {
  const { db } = t.host.deps;
  const [owner] = await db.select({ accountId: applications.accountId }).from(applications).where(eq(applications.id, draft.applicationId));
  const deps = { ...t.host.deps, clock: manualClock(now) };
  await submitApplication(deps, owner!.accountId, { applicationId: draft.applicationId, version: draft.version }, defer);
  const key = applicationNoticeKey(draft.applicationId, draft.version + 1);
  const sms = async () => {
    const [row] = await db.select().from(outbox).where(eq(outbox.idempotencyKey, key));
    const [sent] = await db.select({ n: count() }).from(devSms).where(eq(devSms.idempotencyKey, key));
    return { row: row!, delivered: sent!.n };
  };
  return { deps, sms };
}

describe('a submission outside a rush writes its SMS claimed by the request that sends it (no claim of its own)', () => {
  it('is sent right after the answer, once', async () => {
    const tasks: (() => Promise<unknown>)[] = [];
    const { sms } = await submitted(drafts[0]!, (task) => tasks.push(task));
    const before = await sms();
    expect(before).toMatchObject({ row: { status: 'sending', attempts: 1 }, delivered: 0 });
    expect(before.row.claimedBy).toMatch(/^now:/);
    expect(before.row.claimExpiresAt?.getTime()).toBe(new Date(now).getTime() + sendNowLeaseMs);
    await Promise.all(tasks.map((task) => task()));
    expect(await sms()).toMatchObject({ row: { status: 'sent', attempts: 1 }, delivered: 1 });
  });

  it('is left to the sweeper when the request dies before sending: not while its lease holds, then once', async () => {
    const { deps, sms } = await submitted(drafts[1]!, () => {});
    expect(await sweepOutbox(deps)).toMatchObject({ sent: 0 });
    expect(await sms()).toMatchObject({ row: { status: 'sending' }, delivered: 0 });

    deps.clock.advance(sendNowLeaseMs + 1);
    expect(await sweepOutbox(deps)).toMatchObject({ sent: 1 });
    expect(await sms()).toMatchObject({ row: { status: 'sent', attempts: 2 }, delivered: 1 });
    expect(await sweepOutbox(deps)).toMatchObject({ sent: 0 });
  });
});
