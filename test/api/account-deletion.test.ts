import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  applicationHistory,
  applications,
  auditLog,
  children,
  consents,
  documents,
  entries,
  messages,
  seasons,
  sessions,
} from '../../db/schema';
import { randomId } from '../../src/adapters/random';
import { createEnrollmentClient } from '../../src/client';
import { privacyNotice } from '../../src/domain/privacy-notice';
import { startTestHost, type TestHost } from '../helpers/host';
import { residentId } from '../helpers/identity';
import { attachDocuments, type Catalog, catalogFor, readyToSubmit } from '../helpers/journey';
import { parentToken } from '../helpers/parents';
import { refusal } from '../helpers/refusal';

let t: TestHost;
let c: Catalog;
let phones = 0;
let seq = 400;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  c = await catalogFor(t);
});
afterAll(() => t?.close());

async function newParent() {
  const phone = `137${String(60_000_000 + phones++).slice(-8)}`;
  const token = await parentToken(t, phone);
  const client = createEnrollmentClient({ url: t.url, token });
  const { id: accountId } = (await t.host.deps.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.phone, phone)))[0]!;
  return { phone, token, client, accountId };
}

type Parent = Awaited<ReturnType<typeof newParent>>;

const preview = (p: Parent) => fetch(`${t.url}/api/my-data/deletion`, { headers: { authorization: `Bearer ${p.token}` } });
const deleteAccount = (p: Parent) =>
  fetch(`${t.url}/api/my-data/deletion`, { method: 'POST', headers: { origin: t.url, authorization: `Bearer ${p.token}` } });

/** A draft of the current (live) season, complete with documents; `submit` sends it to the bureau. */
async function liveDraft(p: Parent) {
  return readyToSubmit(t, p.client, c, '20180301', String(seq++));
}

/** A season of the same region a year before the seeded one (so it is over), with its 小学一年级 entry. */
async function pastSeason(retainUntil: Date | null) {
  const { db } = t.host.deps;
  const [current] = await db.select().from(seasons).where(eq(seasons.regionId, c.region.id));
  const seasonId = randomId();
  const entryId = randomId();
  await db
    .insert(seasons)
    .values({ id: seasonId, regionId: c.region.id, code: `past-${seasonId}`, name: '2023年秋季', year: current!.year - 1, retainUntil });
  await db
    .insert(entries)
    .values({ id: entryId, seasonId, code: 'grade1', name: '小学一年级', description: '', gradeMin: 1, gradeMax: 1, sort: 1 });
  return { seasonId, entryId };
}

/** A child bound through the page and an application of a past season the bureau admitted, with documents. */
async function pastAdmission(p: Parent, retainUntil: Date | null) {
  const { seasonId, entryId } = await pastSeason(retainUntil);
  const idNumber = residentId('20170301', String(seq++));
  const child = await p.client.children.add.mutate({ name: '王小红', idType: 'resident', idNumber });
  const now = t.clock.now();
  const applicationId = randomId();
  await t.host.deps.db.insert(applications).values({
    id: applicationId,
    number: `TH23-${randomId().slice(0, 6).toUpperCase()}`,
    accountId: p.accountId,
    childId: child.id,
    seasonId,
    entryId,
    grade: 1,
    status: 'admitted',
    declarationAcceptedAt: now,
    submittedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  await attachDocuments(t, applicationId, ['student-hukou']);
  return { applicationId, childId: child.id, idNumber };
}

describe('注销账号', () => {
  it('is refused, naming the application, while one is with the bureau in the live season', async () => {
    const p = await newParent();
    const { applicationId, version } = await liveDraft(p);
    await p.client.applications.submit.mutate({ applicationId, version });
    const [{ number }] = (await t.host.deps.db
      .select({ number: applications.number })
      .from(applications)
      .where(eq(applications.id, applicationId))) as [{ number: string }];

    const answer = await preview(p);
    const seen = (await answer.json()) as { deletable: boolean; refusal: string };
    expect(seen.deletable).toBe(false);
    expect(seen.refusal).toContain(number);
    const refused = await deleteAccount(p);
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { code: string; domainCode: string; message: string } };
    expect(body.error).toMatchObject({ code: 'CONFLICT', domainCode: 'ACCOUNT_HAS_LIVE_APPLICATION' });
    expect(body.error.message).toBe(`报名 ${number}（2024年秋季，审核中）所在的招生季尚未结束，暂不能注销账号；招生季结束后可注销`);
    expect((await p.client.auth.me.query())?.phone).toBe(p.phone);
  });

  it('deletes what it says and keeps exactly what it says, and the phone signs up afresh', async () => {
    const { db, files } = t.host.deps;
    const p = await newParent();
    const draft = await liveDraft(p);
    const retainUntil = new Date('2027-09-01T00:00:00+08:00');
    const past = await pastAdmission(p, retainUntil);
    const draftKeys = (await db.select().from(documents).where(eq(documents.applicationId, draft.applicationId))).map((d) => d.storageKey);
    expect(draftKeys.length).toBeGreaterThan(0);

    const seen = (await (await preview(p)).json()) as {
      deletable: boolean;
      deleted: { number: string }[];
      kept: { seasonName: string; statusName: string; retainUntil: string }[];
    };
    expect(seen.deletable).toBe(true);
    expect(seen.deleted).toHaveLength(1);
    expect(seen.kept).toEqual([
      expect.objectContaining({ seasonName: '2023年秋季', statusName: '已录取', retainUntil: retainUntil.toISOString() }),
    ]);

    const done = await deleteAccount(p);
    expect(done.status, await done.clone().text()).toBe(200);
    expect(done.headers.get('set-cookie')).toContain('Max-Age=0');

    // The account's row stays (kept applications name it) without the phone number.
    const [account] = await db.select().from(accounts).where(eq(accounts.id, p.accountId));
    expect(account!.deletedAt).not.toBeNull();
    expect(account!.phone).not.toBe(p.phone);
    // Deleted: the live draft with its documents (rows and bytes) and history, its child, messages, sessions.
    expect(await db.select().from(applications).where(eq(applications.accountId, p.accountId))).toEqual([
      expect.objectContaining({ id: past.applicationId, status: 'admitted' }),
    ]);
    expect(await db.select().from(applicationHistory).where(eq(applicationHistory.applicationId, draft.applicationId))).toEqual([]);
    expect((await db.select().from(documents).where(eq(documents.accountId, p.accountId))).map((d) => d.applicationId)).toEqual([
      past.applicationId,
    ]);
    for (const key of draftKeys) expect(await files.get(key)).toBeNull();
    expect((await db.select().from(children).where(eq(children.accountId, p.accountId))).map((ch) => [ch.id, ch.idBlind])).toEqual([
      [past.childId, `deleted:${past.childId}`],
    ]);
    expect(await db.select().from(messages).where(eq(messages.accountId, p.accountId))).toEqual([]);
    const own = await db.select().from(sessions).where(eq(sessions.accountId, p.accountId));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((s) => s.revokedAt !== null)).toBe(true);
    // Kept: which notice was accepted and when, without the address.
    expect(await db.select().from(consents).where(eq(consents.accountId, p.accountId))).toEqual([
      expect.objectContaining({ noticeVersion: privacyNotice.version, ip: null }),
    ]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'account_delete')));
    expect(audit.map((a) => a.detail)).toContainEqual(expect.objectContaining({ accountId: p.accountId, deletedApplications: 1 }));

    // The session no longer works; the phone signs up as a new account that may bind the same child again.
    expect((await refusal(p.client.children.list.query())).data?.code).toBe('UNAUTHORIZED');
    t.clock.advance(61_000); // the next code to the same number may go a minute later
    const again = await parentToken(t, p.phone);
    const fresh = createEnrollmentClient({ url: t.url, token: again });
    const me = await fresh.auth.me.query();
    const [{ id: freshId }] = (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.phone, p.phone))) as [{ id: string }];
    expect(freshId).not.toBe(p.accountId);
    expect(me?.phone).toBe(p.phone);
    expect(await fresh.children.list.query()).toEqual([]);
    const rebound = await fresh.children.add.mutate({ name: '王小红', idType: 'resident', idNumber: past.idNumber });
    expect(rebound.id).not.toBe(past.childId);
  });

  it('lets deletion and a submission race: exactly one of them wins, and the data agree', async () => {
    const { db } = t.host.deps;
    for (let round = 0; round < 4; round += 1) {
      const p = await newParent();
      const { applicationId, version } = await liveDraft(p);
      const submitter = createEnrollmentClient({ url: t.url, token: p.token });
      const [deletion, submission] = await Promise.allSettled([
        deleteAccount(p),
        submitter.applications.submit.mutate({ applicationId, version }),
      ]);
      const deleted = deletion.status === 'fulfilled' && deletion.value.status === 200;
      const submitted = submission.status === 'fulfilled';
      expect(deleted !== submitted, `round ${round}: deleted ${deleted}, submitted ${submitted}`).toBe(true);
      const [account] = await db.select().from(accounts).where(eq(accounts.id, p.accountId));
      const [application] = await db.select().from(applications).where(eq(applications.id, applicationId));
      if (deleted) {
        expect(account!.deletedAt).not.toBeNull();
        expect(application).toBeUndefined();
      } else {
        expect(deletion.status === 'fulfilled' && deletion.value.status).toBe(409);
        expect(account!.deletedAt).toBeNull();
        expect(application!.status).toBe('submitted');
      }
    }
  });
});
