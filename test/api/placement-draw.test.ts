import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, messages, outbox, placements } from '../../db/schema';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { commitmentOf, seedOf } from '../../src/domain/placement/lottery';
import { verifyPublished } from '../../src/domain/placement/verify';
import { parentWithApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { refusal } from '../helpers/refusal';
import { parentToken } from '../helpers/parents';
import { signInStaff } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let admin: EnrollmentClient;
const families: { applicationId: string; token: string }[] = [];
const secrets = { 张公证: 'notary-4b1e-9c7d-2f60', 李代表: 'parents-8e22-71aa-0d93' } as const;

/** Two observers commit during registration; after the close six grade-1 applications have been approved. */
beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
  c = await catalogFor(t);
  admin = await signInStaff(t, 'admin');
  for (const [name, secret] of Object.entries(secrets)) {
    await admin.admin.placement.recordCommitment.mutate({
      seasonId: c.region.season.id,
      name,
      role: name === '张公证' ? '公证员' : '家长代表',
      commitment: await commitmentOf(secret),
    });
  }
  t.clock.set('2024-08-20T09:00:00+08:00');
  admin = await signInStaff(t, 'admin');
  for (let i = 0; i < 6; i++) {
    const { applicationId, token } = await parentWithApplication(t.host.deps.db, {
      phone: `1370000060${i}`,
      now: t.clock.now(),
      status: 'school_approved',
    });
    await t.host.deps.db
      .update(applications)
      .set({ community: c.community, firstSchoolId: c.primary[0]!.id, secondSchoolId: c.primary[1]!.id })
      .where(eq(applications.id, applicationId));
    families.push({ applicationId, token });
  }
});
afterAll(() => t?.close());

const grade1 = () => ({ seasonId: c.region.season.id, entryId: c.entry('grade1').id, grade: 1 });

describe('the real draw', () => {
  it('waits for every observer to reveal', async () => {
    const early = await refusal(admin.admin.placement.draw.mutate(grade1()));
    expect(early).toMatchObject({ message: '还有监督人未公开秘密随机数：张公证、李代表', data: { code: 'CONFLICT' } });
  });

  it('places from the seed of the reveals and publishes files anyone can re-run to the same bytes', async () => {
    const { observers } = await admin.admin.placement.observers.query({ seasonId: c.region.season.id });
    for (const o of observers) {
      await admin.admin.placement.reveal.mutate({ observerId: o.id, contribution: secrets[o.name as keyof typeof secrets] });
    }
    const drawn = await admin.admin.placement.draw.mutate(grade1());
    expect(drawn.seed).toBe(await seedOf(Object.entries(secrets).map(([observerId, contribution]) => ({ observerId, contribution }))));
    expect(drawn.applicants).toBe(6);

    const shown = await t.client.catalog.placement.query({ regionId: c.region.id });
    expect(shown.draws).toEqual([expect.objectContaining({ id: drawn.id, seed: drawn.seed, inputsSha256: drawn.inputsSha256 })]);
    const inputsText = await (await fetch(`${t.url}/api/placement/draws/${drawn.id}/inputs.json`)).text();
    const resultsText = await (await fetch(`${t.url}/api/placement/draws/${drawn.id}/results.json`)).text();
    expect(inputsText).not.toMatch(/李|王|430\d{15}/);
    const verified = await verifyPublished({ inputsText, seed: drawn.seed, mechanism: 'da', resultsText });
    expect(verified).toMatchObject({ identical: true, inputsSha256: drawn.inputsSha256, resultsSha256: drawn.resultsSha256 });
    expect(await t.host.deps.db.select().from(placements).where(eq(placements.drawId, drawn.id))).toHaveLength(6);
  });

  it('runs once per entry and grade; an unknown draw’s file is NOT_FOUND', async () => {
    const again = await refusal(admin.admin.placement.draw.mutate(grade1()));
    expect(again).toMatchObject({ message: '该报名入口和年级已经正式派位', data: { code: 'CONFLICT' } });
    const missing = await fetch(`${t.url}/api/placement/draws/aaaaaaaaaaaaaaaaaaaa/results.json`);
    expect(missing.status).toBe(404);
  });

  it('tells every family at once, once: a message and an SMS each, and 报名进度 shows the school and why', async () => {
    const [draw] = (await t.client.catalog.placement.query({ regionId: c.region.id })).draws;
    const family = createEnrollmentClient({ url: t.url, token: families[0]!.token });
    expect((await family.applications.progress.query({ applicationId: families[0]!.applicationId })).placement).toBeNull();
    expect((await family.applications.list.query())[0]!.result).toBeNull();
    const done = await admin.admin.placement.publishResults.mutate({ drawId: draw!.id });
    expect(done.notified).toBe(6);
    const again = await refusal(admin.admin.placement.publishResults.mutate({ drawId: draw!.id }));
    expect(again).toMatchObject({ message: '该次派位结果已公布', data: { code: 'CONFLICT' } });
    expect(await t.host.deps.db.select().from(outbox).where(like(outbox.idempotencyKey, '%:placement:%'))).toHaveLength(6);
    expect(await t.host.deps.db.select().from(messages).where(like(messages.noticeKey, '%:placement:%'))).toHaveLength(6);

    const { placement } = await family.applications.progress.query({ applicationId: families[0]!.applicationId });
    expect(placement).toMatchObject({ school: c.primary[0]!.name, mechanism: 'da' });
    expect(placement!.choices[0]).toMatchObject({ school: c.primary[0]!.name, tier: 2, tierLabel: '户籍在本校服务片区', reached: true });
    expect(placement!.lottery).toMatch(/^[0-9a-f]{64}$/);
    // The home page's card reads the same result in a line, with until when 确认入学 is open.
    expect((await family.applications.list.query())[0]!.result).toEqual({
      school: c.primary[0]!.name,
      round: 1,
      answerBy: placement!.confirmBy,
    });
    const publicity = (await t.client.catalog.placement.query({ regionId: c.region.id })).publicity;
    expect(publicity).toHaveLength(1);
    expect(publicity[0]!.schools).toEqual([{ name: c.primary[0]!.name, admitted: expect.any(Array) }]);
    expect(publicity[0]!.schools[0]!.admitted).toHaveLength(6);
    expect(publicity[0]!.schools[0]!.admitted[0]!.name).toBe('测**童');
    expect(publicity[0]!.endsAt).toBe(new Date(t.clock.now().getTime() + 5 * 24 * 3_600_000).toISOString());
    const [message] = await family.messages.list.query({});
    expect(message).toMatchObject({ title: '录取结果已公布', link: `/applications/${families[0]!.applicationId}/progress` });
  });

  it('closes 公示 when its period ends', async () => {
    t.clock.set('2024-08-26T09:00:01+08:00');
    expect((await t.client.catalog.placement.query({ regionId: c.region.id })).publicity).toEqual([]);
  });

  it('takes one objection per family during 公示, decided by another administrator, who may place the child elsewhere', async () => {
    t.clock.set('2024-08-21T09:00:00+08:00');
    admin = await signInStaff(t, 'admin');
    const family = createEnrollmentClient({ url: t.url, token: await freshToken(1) });
    const applicationId = families[1]!.applicationId;
    expect((await family.applications.progress.query({ applicationId })).placement).toMatchObject({ canObject: true, objection: null });
    await family.applications.fileObjection.mutate({ applicationId, reason: '我家在资江社区，应属户籍片区第一顺位。' });
    const twice = await refusal(family.applications.fileObjection.mutate({ applicationId, reason: '再提一次异议理由' }));
    expect(twice).toMatchObject({ message: '您已对本次录取结果提出过异议，请等待处理', data: { code: 'CONFLICT' } });

    const [objection] = await admin.admin.placement.objections.query({ seasonId: c.region.season.id });
    const publisher = await refusal(
      admin.admin.placement.decideObjection.mutate({ objectionId: objection!.id, outcome: 'dismissed', reason: '顺位无误' }),
    );
    expect(publisher).toMatchObject({ message: '异议须由公布录取结果以外的管理员处理', data: { code: 'FORBIDDEN' } });

    await admin.admin.createStaff.mutate({
      username: 'second-admin',
      displayName: '第二管理员',
      role: 'admin',
      password: 'Another-strong-passphrase-2024',
    });
    const { token } = await createEnrollmentClient({ url: t.url }).review.signIn.mutate({
      username: 'second-admin',
      password: 'Another-strong-passphrase-2024',
      session: 'token',
    });
    const second = createEnrollmentClient({ url: t.url, token: token! });
    await second.admin.placement.decideObjection.mutate({
      objectionId: objection!.id,
      outcome: 'upheld',
      reason: '核实后改为第二志愿学校',
      schoolId: c.primary[1]!.id,
    });
    const again = await refusal(
      second.admin.placement.decideObjection.mutate({ objectionId: objection!.id, outcome: 'dismissed', reason: '重复处理' }),
    );
    expect(again.data?.code).toBe('CONFLICT');
    const { placement } = await family.applications.progress.query({ applicationId });
    expect(placement).toMatchObject({
      school: c.primary[1]!.name,
      canObject: false,
      objection: { status: 'upheld', decision: '核实后改为第二志愿学校' },
    });
    const [message] = await family.messages.list.query({});
    expect(message).toMatchObject({ title: '异议处理结果' });
  });

  it('refuses objections once 公示 has ended', async () => {
    t.clock.set('2024-08-26T09:00:01+08:00');
    const family = createEnrollmentClient({ url: t.url, token: await freshToken(2) });
    const late = await refusal(
      family.applications.fileObjection.mutate({ applicationId: families[2]!.applicationId, reason: '逾期提出的异议' }),
    );
    expect(late).toMatchObject({ message: '公示期已结束，不能再提出异议', data: { code: 'CONFLICT' } });
  });

  it('lets a family take its seat or give it up, once, until the deadline', async () => {
    const takes = createEnrollmentClient({ url: t.url, token: await freshToken(3) });
    const gives = createEnrollmentClient({ url: t.url, token: await freshToken(4) });
    expect((await takes.applications.progress.query({ applicationId: families[3]!.applicationId })).placement).toMatchObject({
      canConfirm: true,
      confirmation: null,
    });
    await takes.applications.confirmSeat.mutate({ applicationId: families[3]!.applicationId, accept: true });
    const twice = await refusal(takes.applications.confirmSeat.mutate({ applicationId: families[3]!.applicationId, accept: false }));
    expect(twice).toMatchObject({ message: '您已经答复过，不能更改', data: { code: 'CONFLICT' } });
    await gives.applications.confirmSeat.mutate({ applicationId: families[4]!.applicationId, accept: false });
    expect((await gives.applications.progress.query({ applicationId: families[4]!.applicationId })).placement).toMatchObject({
      confirmation: 'declined',
      canConfirm: false,
    });
    t.clock.set('2024-08-27T09:00:01+08:00');
    const late = createEnrollmentClient({ url: t.url, token: await freshToken(5) });
    const closed = await refusal(late.applications.confirmSeat.mutate({ applicationId: families[5]!.applicationId, accept: true }));
    expect(closed).toMatchObject({ message: '确认入学的期限已过', data: { code: 'CONFLICT' } });
  });
});

/** A current session for family `i` (their first one has long expired on the test clock). */
const freshToken = (i: number) => parentToken(t, `1370000060${i}`);
