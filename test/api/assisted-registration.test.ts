import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, agentMandates, auditLog, consents } from '../../db/schema';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { mandatePolicy } from '../../src/domain/agent-mandate';
import { privacyNotice } from '../../src/domain/privacy-notice';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor, readyToSubmit } from '../helpers/journey';
import { codeFromInbox, signInParent } from '../helpers/parents';
import { refusal } from '../helpers/refusal';
import { signInStaff, staffToken } from '../helpers/staff';
import { until } from '../helpers/until';
import { uploadSample } from '../helpers/upload';

let t: TestHost;
let c: Catalog;
let agent: EnrollmentClient;
let phones = 0;
const newPhone = () => `136${String(20_000_000 + phones++).slice(-8)}`;
const office = '桃花江镇便民服务中心';
const reason = '家长没有智能手机，由村干部陪同到便民服务中心办理';

/** A family's pages in the agent's hands: a mandate opened with `how`, as a bearer client. */
async function openFor(phone: string, how: { code?: string; reason?: string }) {
  const opened = await agent.agent.open.mutate({ phone, ...how, acceptedNotice: privacyNotice.version, session: 'token' });
  return { opened, family: createEnrollmentClient({ url: t.url, token: opened.token! }) };
}

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  c = await catalogFor(t);
  agent = await signInStaff(t, 'agent');
});
afterAll(() => t?.close());

describe('代办: an agent registers for a family without a smartphone', () => {
  it('opens with the code the parent reads out, fills and submits the journey, and every step names the agent', async () => {
    const phone = newPhone();
    expect(await agent.agent.lookup.query({ phone })).toEqual({ exists: false, phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    await agent.agent.sendCode.mutate({ phone });
    const code = await codeFromInbox(t, phone);
    const [sms] = await t.client.dev.inbox.query({ phone });
    expect(sms!.body).toContain(`${office}的代办员`);

    const wrong = code === '000000' ? '111111' : '000000';
    expect((await refusal(agent.agent.open.mutate({ phone, code: wrong, acceptedNotice: privacyNotice.version }))).data?.domainCode).toBe(
      'CODE_INVALID',
    );
    const { opened, family } = await openFor(phone, { code });
    expect(opened).toMatchObject({ isNew: true, mandate: { method: 'sms_code', live: true, reason: null } });
    expect(await family.auth.me.query()).toMatchObject({ phone, byAgent: true });
    // A code works once.
    expect((await refusal(agent.agent.open.mutate({ phone, code, acceptedNotice: privacyNotice.version }))).data?.domainCode).toBe(
      'CODE_EXPIRED',
    );

    const { applicationId } = await readyToSubmit(t, family, c, '20180305', '612');
    const extra = await uploadSample(t, opened.token!, applicationId, 'student-hukou');
    const removed = await fetch(`${t.url}/api/files/${extra}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${opened.token}`, origin: t.url },
    });
    expect(removed.status).toBe(200);
    const { version } = await family.applications.get.query({ applicationId });
    await family.applications.submit.mutate({ applicationId, version });
    const [account] = await t.host.deps.db.select().from(accounts).where(eq(accounts.phone, phone));
    expect(await t.host.deps.db.select().from(consents).where(eq(consents.accountId, account!.id))).toHaveLength(1);

    const progress = await family.applications.progress.query({ applicationId });
    expect(progress.history.at(-1)).toMatchObject({ to: 'submitted', by: `代办员（${office}）` });

    const steps = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'agent_step'));
    const mine = steps.filter((s) => (s.detail as { accountId?: string }).accountId === account!.id);
    expect(mine.map((s) => (s.detail as { step: string }).step)).toEqual(
      expect.arrayContaining([
        'children.add',
        'applications.start',
        'applications.save',
        'files.upload',
        'files.remove',
        'applications.submit',
      ]),
    );
    expect(mine.every((s) => s.actorRole === 'agent' && s.username === 'agent')).toBe(true);

    const { entries } = await family.applications.accessLog.query({ applicationId });
    expect(entries.map((e) => [e.actionName, e.roleName, e.schoolName])).toContainEqual(['代为提交报名', '代办员', office]);
    expect(entries.map((e) => e.actionName)).toEqual(expect.arrayContaining(['代为新建报名', '代为上传材料', '代为删除材料']));

    // The parent, later, on their own phone: the application is theirs, and 代办 shows in its history and 查阅记录.
    await agent.agent.end.mutate({ mandateId: opened.mandate.id });
    t.clock.advance(2 * 60_000);
    const parent = await signInParent(t, phone);
    expect(await parent.auth.me.query()).toMatchObject({ byAgent: false });
    expect((await parent.applications.list.query()).map((a) => a.id)).toContain(applicationId);
    expect((await parent.applications.progress.query({ applicationId })).history.at(-1)?.by).toBe(`代办员（${office}）`);
    expect((await parent.applications.accessLog.query({ applicationId })).entries.some((e) => e.roleName === '代办员')).toBe(true);
  });

  it('finds an existing family by number and lists the mandate for the agent', async () => {
    const phone = newPhone();
    await signInParent(t, phone);
    expect((await agent.agent.lookup.query({ phone })).exists).toBe(true);
    const lookups = await t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, 'agent_lookup'));
    expect(lookups.at(-1)).toMatchObject({ username: 'agent', actorRole: 'agent', detail: { exists: true } });
    expect(JSON.stringify(lookups)).not.toContain(phone);
    const { opened } = await openFor(phone, { reason });
    expect(opened.isNew).toBe(false);
    const listed = await agent.agent.mandates.query();
    expect(listed[0]).toMatchObject({ id: opened.mandate.id, method: 'attested', reason, live: true });
  });

  it('accepts an attested exception only with a reason, and tells the family by SMS', async () => {
    const phone = newPhone();
    for (const short of [undefined, '没手机']) {
      const refused = await refusal(agent.agent.open.mutate({ phone, reason: short, acceptedNotice: privacyNotice.version }));
      expect(refused.data?.fieldErrors).toHaveProperty('reason');
    }
    expect(mandatePolicy.minReasonLength).toBeGreaterThan('没手机'.length);
    const refusedConsent = await refusal(agent.agent.open.mutate({ phone, reason }));
    expect(refusedConsent.data?.domainCode).toBe('CONSENT_REQUIRED');
    expect(await t.host.deps.db.select().from(accounts).where(eq(accounts.phone, phone))).toEqual([]);

    const { family, opened } = await openFor(phone, { reason });
    expect(opened.mandate).toMatchObject({ method: 'attested', reason });
    expect((await family.auth.me.query()).byAgent).toBe(true);
    const told = await until('the family told by SMS', async () => (await t.client.dev.inbox.query({ phone }))[0]);
    expect(told.body).toContain(`代办员（${office}）正在代您办理入学报名`);
    expect(told.body).toContain('如非您本人同意');
  });

  it('leaves to the family itself moving the account to another phone, downloading its data and deleting it', async () => {
    const phone = newPhone();
    const { family, opened } = await openFor(phone, { reason });
    const refusedCode = await refusal(family.auth.requestCode.mutate({ phone: newPhone(), purpose: 'change_phone' }));
    expect(refusedCode.data).toMatchObject({ code: 'FORBIDDEN', domainCode: 'AGENT_NOT_ALLOWED' });
    const refusedMove = await refusal(family.auth.changePhone.mutate({ phone: newPhone(), code: '123456' }));
    expect(refusedMove.data).toMatchObject({ code: 'FORBIDDEN', domainCode: 'AGENT_NOT_ALLOWED' });
    const post = (path: string) =>
      fetch(`${t.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${opened.token}`, origin: t.url } });
    for (const path of ['/api/my-data', '/api/my-data/deletion']) {
      const answer = await post(path);
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { error: { domainCode: string } }).error.domainCode).toBe('AGENT_NOT_ALLOWED');
    }
    const [account] = await t.host.deps.db.select().from(accounts).where(eq(accounts.phone, phone));
    expect(account).toMatchObject({ phone, deletedAt: null });
  });

  it('ends the family session when the agent ends the mandate, and when the mandate expires', async () => {
    const ended = await openFor(newPhone(), { reason });
    await ended.family.children.list.query();
    expect(await agent.agent.end.mutate({ mandateId: ended.opened.mandate.id })).toEqual({ ended: 1 });
    expect((await refusal(ended.family.children.list.query())).data?.code).toBe('UNAUTHORIZED');

    const expiring = await openFor(newPhone(), { reason });
    await expiring.family.children.list.query();
    t.clock.advance(mandatePolicy.lifetimeMs + 1000);
    expect((await refusal(expiring.family.children.list.query())).data?.code).toBe('UNAUTHORIZED');
    const [row] = await t.host.deps.db.select().from(agentMandates).where(eq(agentMandates.id, expiring.opened.mandate.id));
    expect(row!.endedAt).toBeNull();
    agent = await signInStaff(t, 'agent');
    expect((await agent.agent.mandates.query()).find((m) => m.id === expiring.opened.mandate.id)?.live).toBe(false);
  });

  it('gives an agent no review or administration, and other staff no 代办', async () => {
    const desk = await signInStaff(t, 'agent');
    const calls = [
      () => desk.review.queue.query({}),
      () => desk.review.stats.query(),
      () => desk.admin.staff.query(),
      () => desk.review.export.mutate({}),
    ];
    for (const call of calls) expect((await refusal(call())).data?.code).toBe('FORBIDDEN');
    // Nor a document of an application by its address, with the desk session alone.
    const { family } = await openFor(newPhone(), { reason });
    const { applicationId, version } = await readyToSubmit(t, family, c, '20180307', '614');
    await family.applications.submit.mutate({ applicationId, version });
    const [document] = (await family.applications.get.query({ applicationId })).documents;
    const read = (token: string) => fetch(`${t.url}/api/files/${document!.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await read(await staffToken(t, 'agent'))).status).toBe(404);
    expect((await read(await staffToken(t, 'county'))).status).toBe(200);
    expect(await desk.review.me.query()).toMatchObject({ role: 'agent', roleName: '代办员', office });
    for (const username of ['admin', 'county', 'school'] as const) {
      const member = await signInStaff(t, username);
      expect((await refusal(member.agent.lookup.query({ phone: newPhone() }))).data?.code).toBe('FORBIDDEN');
    }
  });

  it('creates one account when two mandates for a new number open at once', async () => {
    const phone = newPhone();
    const racers = await Promise.all(Array.from({ length: 4 }, () => signInStaff(t, 'agent')));
    const answers = await Promise.allSettled(
      racers.map((racer) => racer.agent.open.mutate({ phone, reason, acceptedNotice: privacyNotice.version, session: 'token' })),
    );
    expect(answers.every((a) => a.status === 'fulfilled')).toBe(true);
    const rows = await t.host.deps.db.select().from(accounts).where(eq(accounts.phone, phone));
    expect(rows).toHaveLength(1);
    const mandates = await t.host.deps.db.select().from(agentMandates).where(eq(agentMandates.accountId, rows[0]!.id));
    expect(mandates).toHaveLength(4);
    expect(answers.filter((a) => a.status === 'fulfilled' && a.value.isNew)).toHaveLength(1);
  });
});

describe('staff accounts for agents', () => {
  it('an administrator creates an agent at a community office, and an agent needs a school or an office', async () => {
    const admin = await signInStaff(t, 'admin');
    const refused = await refusal(
      admin.admin.createStaff.mutate({ username: 'agent-two', displayName: '王代办', role: 'agent', password: 'a-long-password-2024' }),
    );
    expect(refused.data?.fieldErrors).toHaveProperty('office');
    await admin.admin.createStaff.mutate({
      username: 'agent-two',
      displayName: '王代办',
      role: 'agent',
      office: '修山镇便民服务中心',
      password: 'a-long-password-2024',
    });
    const listed = (await admin.admin.staff.query()).find((s) => s.username === 'agent-two');
    expect(listed).toMatchObject({ role: 'agent', roleName: '代办员', office: '修山镇便民服务中心', schoolId: null });
  });

  it('ends the family sessions an agent opened when an administrator disables the agent', async () => {
    const admin = await signInStaff(t, 'admin');
    const created = await admin.admin.createStaff.mutate({
      username: 'agent-three',
      displayName: '赵代办',
      role: 'agent',
      office: '灰山港镇便民服务中心',
      password: 'a-long-password-2025',
    });
    const { token } = await createEnrollmentClient({ url: t.url }).review.signIn.mutate({
      username: 'agent-three',
      password: 'a-long-password-2025',
      session: 'token',
    });
    const third = createEnrollmentClient({ url: t.url, token: token! });
    const opened = await third.agent.open.mutate({ phone: newPhone(), reason, acceptedNotice: privacyNotice.version, session: 'token' });
    const family = createEnrollmentClient({ url: t.url, token: opened.token! });
    await family.children.list.query();
    await admin.admin.updateStaff.mutate({ staffId: created.id, disabled: true });
    expect((await refusal(family.children.list.query())).data?.code).toBe('UNAUTHORIZED');
    const [mandate] = await t.host.deps.db.select().from(agentMandates).where(eq(agentMandates.id, opened.mandate.id));
    expect(mandate!.endedAt).toEqual(t.clock.now());
  });
});
