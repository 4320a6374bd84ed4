import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, bindingAppeals, children, documents, outbox } from '../../db/schema';
import { type SyntheticFamily, syntheticDataset } from '../../src/adapters/records-dataset';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { codeFromInbox } from '../helpers/parents';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { samplePng } from '../helpers/sample-files';
import { setApplicationStatus } from '../helpers/applications-db';
import { signInStaff } from '../helpers/staff';
import { privacyNotice } from '../../src/domain/privacy-notice';

let t: TestHost;
let c: Catalog;
let county: EnrollmentClient;
let admin: EnrollmentClient;
let school: EnrollmentClient;
let phones = 0;

interface Parent {
  client: EnrollmentClient;
  token: string;
  phone: string;
}

async function newParent(): Promise<Parent> {
  const phone = `135${String(60_000_000 + phones++).slice(-8)}`;
  await t.client.auth.requestCode.mutate({ phone });
  const code = await codeFromInbox(t, phone);
  const { token } = await t.client.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: privacyNotice.version });
  return { client: createEnrollmentClient({ url: t.url, token: token! }), token: token!, phone };
}

// Families whose hukou shows the parents as head and spouse of the child's household, and some whose does not.
const dataset = syntheticDataset();
const confirmable = dataset.families.filter((f) => f.kind === 'town');
const unconfirmable = dataset.families.filter((f) => f.kind === 'grandparents');
let nextConfirmable = 0;
const family = (): SyntheticFamily => confirmable[nextConfirmable++]!;
const childOf = (f: SyntheticFamily) => ({ name: f.children[0]!.name, idType: 'resident' as const, idNumber: f.children[0]!.idNumber });
const reason = '我是孩子的父亲，孩子被陌生手机号绑定了';

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  c = await catalogFor(t);
  [county, admin, school] = await Promise.all([signInStaff(t, 'county'), signInStaff(t, 'admin'), signInStaff(t, 'school')]);
});
afterAll(() => t?.close());

const db = () => t.host.deps.db;
const boundTo = async (idNumber: string) => {
  const blind = await t.host.deps.vault.blindIndex(idNumber);
  return (await db().select({ accountId: children.accountId }).from(children).where(eq(children.idBlind, blind))).map((r) => r.accountId);
};
const accountOf = async (p: Parent) => (await p.client.auth.me.query())!;
const titles = async (p: Parent) => (await p.client.messages.list.query()).map((m) => m.title);
const smsTo = async (p: Parent, fragment: string) =>
  (await db().select().from(outbox).where(eq(outbox.phone, p.phone))).filter(
    (r) => r.idempotencyKey.startsWith('appeal:') && r.idempotencyKey.includes(fragment),
  );

async function uploadPhoto(p: Parent, applicationId: string) {
  const form = new FormData();
  form.append('applicationId', applicationId);
  form.append('kind', 'student-hukou');
  form.append('file', new Blob([samplePng as Uint8Array<ArrayBuffer>], { type: 'image/png' }), 'hukou.png');
  const response = await fetch(`${t.url}/api/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${p.token}`, origin: t.url },
    body: form,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string };
}

describe('a family whose child another account bound first', () => {
  it("takes the child back at once when the records confirm the claimant; the squatter's draft goes and both are told", async () => {
    const f = family();
    const [squatter, parent] = await Promise.all([newParent(), newParent()]);
    const bound = await squatter.client.children.add.mutate(childOf(f));
    const { applicationId } = await squatter.client.applications.start.mutate({
      childId: bound.id,
      entryId: c.entry('grade1').id,
      acceptDeclaration: true,
    });
    await squatter.client.applications.chooseChannel.mutate({ applicationId, channelId: c.channel('hukou').id });
    await uploadPhoto(squatter, applicationId);
    const [{ storageKey }] = (await db()
      .select({ storageKey: documents.storageKey })
      .from(documents)
      .where(eq(documents.applicationId, applicationId))) as [{ storageKey: string }];
    const stored = join(dirname(t.dbFile), 'files', storageKey.slice(0, 2), storageKey);
    expect(existsSync(stored)).toBe(true);

    const refused = await refusal(parent.client.children.add.mutate(childOf(f)));
    expect(refused.data?.code).toBe('CONFLICT');
    expect(refused.data?.domainCode).toBe('CHILD_ALREADY_BOUND');

    const claimed = await parent.client.children.claim.mutate({ ...childOf(f), parentIdNumber: f.father.idNumber, reason });
    expect(claimed.outcome).toBe('granted');
    expect(claimed.child).toMatchObject({ id: bound.id, name: f.children[0]!.name });
    expect((await parent.client.children.list.query()).map((x) => x.id)).toEqual([bound.id]);
    expect(await squatter.client.children.list.query()).toEqual([]);
    expect(await boundTo(f.children[0]!.idNumber)).toEqual([(await accountOf(parent)).accountId]);
    expect(await db().select().from(applications).where(eq(applications.id, applicationId))).toEqual([]);
    expect(existsSync(stored)).toBe(false);

    expect(await titles(parent)).toContain('绑定申诉成立');
    expect(await titles(squatter)).toContain('孩子已转出您的账号');
    expect(await smsTo(parent, ':granted:claimant')).toHaveLength(1);
    expect(await smsTo(squatter, ':granted:holder')).toHaveLength(1);
    const [mine] = await parent.client.children.claims.query();
    expect(mine).toMatchObject({
      status: 'granted',
      statusName: '申诉成立',
      settledByRecords: true,
      childIdMasked: `430922********${f.children[0]!.idNumber.slice(14)}`,
    });
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'binding_appeal_granted'));
    expect(audits.some((a) => a.detail.appealId === claimed.appealId && a.username === 'records')).toBe(true);
    expect(JSON.stringify(audits)).not.toContain(f.father.idNumber);

    // The squatter cannot take it back the same way: the family's binding is now confirmed, so staff decide.
    const back = await squatter.client.children.claim.mutate({
      ...childOf(f),
      parentIdNumber: f.father.idNumber,
      reason: '这是我家的孩子，请核实',
    });
    expect(back.outcome).toBe('open');
    expect(await boundTo(f.children[0]!.idNumber)).toEqual([(await accountOf(parent)).accountId]);
    const open = (await county.review.bindingAppeals.query({ status: 'open' })).find((a) => a.id === back.appealId)!;
    expect(open.waitsFor).toBe('现绑定账号的绑定此前已经核实');
  });

  it('waits for staff when the records do not confirm the claimant; staff grant it and a submitted application moves, never destroyed', async () => {
    const f = unconfirmable[0]!;
    const [holder, parent] = await Promise.all([newParent(), newParent()]);
    const bound = await holder.client.children.add.mutate(childOf(f));
    const { applicationId } = await holder.client.applications.start.mutate({
      childId: bound.id,
      entryId: c.entry('grade1').id,
      acceptDeclaration: true,
    });
    await setApplicationStatus(db(), applicationId, 'submitted');

    const claimed = await parent.client.children.claim.mutate({
      ...childOf(f),
      parentIdNumber: f.father.idNumber,
      reason: `孩子由祖父母抚养，我是父亲，身份证${f.father.idNumber}`,
    });
    expect(claimed).toMatchObject({ outcome: 'open', child: null });
    expect(await boundTo(f.children[0]!.idNumber)).toEqual([(await accountOf(holder)).accountId]);
    expect(await titles(parent)).toContain('绑定申诉已提交');
    expect(await titles(holder)).toContain('绑定申诉通知');
    expect(await smsTo(holder, ':filed:holder')).toHaveLength(1);

    const again = await refusal(parent.client.children.claim.mutate({ ...childOf(f), parentIdNumber: f.father.idNumber, reason }));
    expect(again.data?.code).toBe('CONFLICT');
    expect(again.data?.domainCode).toBe('APPEAL_EXISTS');

    const listed = (await county.review.bindingAppeals.query({ status: 'open' })).find((a) => a.id === claimed.appealId)!;
    expect(listed).toMatchObject({ records: '户籍信息未显示申诉人为孩子的父母', holderApplications: [{ statusName: '审核中' }] });
    expect(listed.reason).not.toContain(f.father.idNumber);
    expect(listed.claimantPhoneMasked).toBe(`${parent.phone.slice(0, 3)}****${parent.phone.slice(7)}`);

    const settled = await county.review.settleBindingAppeal.mutate({
      appealId: claimed.appealId!,
      grant: true,
      reason: '已核对出生医学证明',
    });
    expect(settled.status).toBe('granted');
    expect(await boundTo(f.children[0]!.idNumber)).toEqual([(await accountOf(parent)).accountId]);
    const [moved] = await db().select().from(applications).where(eq(applications.id, applicationId));
    expect(moved).toMatchObject({ status: 'submitted', accountId: (await accountOf(parent)).accountId });
    expect(await titles(parent)).toContain('绑定申诉成立');
    expect(await titles(holder)).toContain('孩子已转出您的账号');
    expect(
      (await db().select().from(auditLog).where(eq(auditLog.action, 'binding_appeal_granted'))).some((a) => a.username === 'county'),
    ).toBe(true);
    expect((await parent.client.children.claims.query())[0]).toMatchObject({ status: 'granted', settlement: '已核对出生医学证明' });

    const late = await refusal(admin.review.settleBindingAppeal.mutate({ appealId: claimed.appealId!, grant: false, reason: '重复处理' }));
    expect(late.data?.code).toBe('CONFLICT');
  });

  it('goes to staff, not the records, when the holder submitted an application; a refusal keeps the binding and tells both', async () => {
    const f = family();
    const [holder, parent] = await Promise.all([newParent(), newParent()]);
    const bound = await holder.client.children.add.mutate(childOf(f));
    const { applicationId } = await holder.client.applications.start.mutate({
      childId: bound.id,
      entryId: c.entry('grade1').id,
      acceptDeclaration: true,
    });
    await setApplicationStatus(db(), applicationId, 'withdrawn');

    const claimed = await parent.client.children.claim.mutate({ ...childOf(f), parentIdNumber: f.mother.idNumber, reason });
    expect(claimed.outcome).toBe('open');
    expect((await admin.review.bindingAppeals.query({})).find((a) => a.id === claimed.appealId)?.waitsFor).toBe(
      '现绑定账号已为该孩子提交过报名',
    );

    await admin.review.settleBindingAppeal.mutate({ appealId: claimed.appealId!, grant: false, reason: '原账号为孩子母亲，已电话核实' });
    expect(await boundTo(f.children[0]!.idNumber)).toEqual([(await accountOf(holder)).accountId]);
    expect(await db().select({ id: applications.id }).from(applications).where(eq(applications.id, applicationId))).toHaveLength(1);
    expect(await titles(parent)).toContain('绑定申诉未通过');
    expect(await titles(holder)).toContain('绑定申诉已处理');
    const [mine] = await parent.client.children.claims.query();
    expect(mine).toMatchObject({ status: 'refused', settlement: '原账号为孩子母亲，已电话核实' });
    expect((await county.review.bindingAppeals.query({ status: 'settled' })).map((a) => a.id)).toContain(claimed.appealId);
  });

  it('is kept to parents (claim, claims) and to the county and administrators (list, settle)', async () => {
    const parent = await newParent();
    const input = { appealId: 'abcdefghijklmnop', grant: true, reason: '同意' };
    expect(
      (
        await refusal(
          t.client.children.claim.mutate({ ...childOf(family()), parentIdNumber: dataset.families[0]!.father.idNumber, reason }),
        )
      ).data?.code,
    ).toBe('UNAUTHORIZED');
    expect((await refusal(t.client.children.claims.query())).data?.code).toBe('UNAUTHORIZED');
    expect((await refusal(county.children.claims.query())).data?.code).toBe('UNAUTHORIZED');
    for (const who of [parent.client, t.client]) {
      expect((await refusal(who.review.bindingAppeals.query({}))).data?.code).toBe('UNAUTHORIZED');
      expect((await refusal(who.review.settleBindingAppeal.mutate(input))).data?.code).toBe('UNAUTHORIZED');
    }
    expect((await refusal(school.review.bindingAppeals.query({}))).data?.code).toBe('FORBIDDEN');
    expect((await refusal(school.review.settleBindingAppeal.mutate(input))).data?.code).toBe('FORBIDDEN');
    expect((await refusal(county.review.settleBindingAppeal.mutate(input))).data?.code).toMatch(/NOT_FOUND|BAD_REQUEST/);
    const own = await refusal(parent.client.children.claim.mutate({ ...childOf(family()), parentIdNumber: '123', reason }));
    expect(own.data?.code).toBe('BAD_REQUEST');
    expect(own.data?.fieldErrors).toHaveProperty('parentIdNumber');
  });
});

describe('races', () => {
  it('two families claiming one child at once: exactly one gets it from the records, the other claim waits for staff', async () => {
    const f = family();
    const [squatter, father, mother] = await Promise.all([newParent(), newParent(), newParent()]);
    await squatter.client.children.add.mutate(childOf(f));
    const results = await Promise.all([
      father.client.children.claim.mutate({ ...childOf(f), parentIdNumber: f.father.idNumber, reason }),
      mother.client.children.claim.mutate({ ...childOf(f), parentIdNumber: f.mother.idNumber, reason: '我是孩子的母亲，请核实' }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['granted', 'open']);
    const winner = results[0]!.outcome === 'granted' ? father : mother;
    expect(await boundTo(f.children[0]!.idNumber)).toEqual([(await accountOf(winner)).accountId]);
    const blind = await t.host.deps.vault.blindIndex(f.children[0]!.idNumber);
    const rows = await db().select().from(bindingAppeals).where(eq(bindingAppeals.childBlind, blind));
    expect(rows.map((r) => r.status).sort()).toEqual(['granted', 'open']);
    expect(rows.find((r) => r.status === 'open')!.holderAccountId).toBe((await accountOf(winner)).accountId);
  });

  it('the same family claiming twice at once files one claim', async () => {
    const f = unconfirmable[1]!;
    const [holder, parent] = await Promise.all([newParent(), newParent()]);
    await holder.client.children.add.mutate(childOf(f));
    const both = await Promise.allSettled(
      racers(t.url, 2, parent.token).map((client) =>
        client.children.claim.mutate({ ...childOf(f), parentIdNumber: f.father.idNumber, reason }),
      ),
    );
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason.data?.domainCode).toBe('APPEAL_EXISTS');
    expect(await parent.client.children.claims.query()).toHaveLength(1);
  });

  it("a claim racing the holder's unbind: the family ends up with the child either way, nothing half done", async () => {
    const seen = new Set<string>();
    // One side starts a few milliseconds after the other, alternating, so that both orders happen.
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    for (let i = 0; i < 8; i++) {
      const [removeDelay, claimDelay] = i % 2 === 0 ? [0, i * 2] : [i * 2, 0];
      const f = family();
      const [holder, parent] = await Promise.all([newParent(), newParent()]);
      const bound = await holder.client.children.add.mutate(childOf(f));
      const [removed, claimed] = await Promise.allSettled([
        pause(removeDelay).then(() => holder.client.children.remove.mutate({ childId: bound.id })),
        pause(claimDelay).then(() => parent.client.children.claim.mutate({ ...childOf(f), parentIdNumber: f.father.idNumber, reason })),
      ]);
      expect(claimed.status).toBe('fulfilled');
      const outcome = (claimed as PromiseFulfilledResult<{ outcome: string }>).value.outcome;
      expect(['granted', 'bound']).toContain(outcome);
      if (removed.status === 'rejected') expect(removed.reason.data?.domainCode).toBe('CHILD_NOT_FOUND');
      seen.add(`${outcome}/${removed.status}`);
      expect(await boundTo(f.children[0]!.idNumber)).toEqual([(await accountOf(parent)).accountId]);
      expect(await holder.client.children.list.query()).toEqual([]);
      const blind = await t.host.deps.vault.blindIndex(f.children[0]!.idNumber);
      const appeals = await db()
        .select()
        .from(bindingAppeals)
        .where(and(eq(bindingAppeals.childBlind, blind), inArray(bindingAppeals.status, ['open'])));
      expect(appeals).toEqual([]);
    }
    console.info('claim/unbind race outcomes seen:', [...seen].join(', '));
  });

  it('two staff settling one claim at once: one decision applies, the other hears 该申诉已被他人处理', async () => {
    const f = unconfirmable[2]!;
    const [holder, parent] = await Promise.all([newParent(), newParent()]);
    await holder.client.children.add.mutate(childOf(f));
    const { appealId } = await parent.client.children.claim.mutate({ ...childOf(f), parentIdNumber: f.mother.idNumber, reason });
    const both = await Promise.allSettled([
      county.review.settleBindingAppeal.mutate({ appealId: appealId!, grant: true, reason: '核实为母亲' }),
      admin.review.settleBindingAppeal.mutate({ appealId: appealId!, grant: false, reason: '材料不足' }),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason.data?.code).toBe('CONFLICT');
    expect(lost.reason.message).toBe('该申诉已被他人处理');
    const audits = await db()
      .select()
      .from(auditLog)
      .where(inArray(auditLog.action, ['binding_appeal_granted', 'binding_appeal_refused']));
    expect(audits.filter((a) => a.detail.appealId === appealId)).toHaveLength(1);
  });
});

it('logs no server error along the way', () => {
  expect(t.errors).toEqual([]);
});
