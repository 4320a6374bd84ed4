import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationHistory, applications, auditLog, documents, messages, outbox } from '../../db/schema';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { residentId } from '../helpers/identity';
import { type Catalog, catalogFor, hukouForm, readyToSubmit } from '../helpers/journey';
import { parentToken, signInParent } from '../helpers/parents';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { reviewAsCounty } from '../helpers/reviewer';
import { uploadSample } from '../helpers/upload';

let t: TestHost;
let c: Catalog;
let parent: EnrollmentClient;
let seq = 300;
const nextSeq = () => String(seq++);
let phones = 0;
/** A parent signed in now (sessions and per-number limits follow the test clock, which some tests move). */
const newPhone = () => `138${String(30_000_000 + phones++).slice(-8)}`;
const newParent = () => signInParent(t, newPhone());
/** A new parent, with `count` more clients of the same session for racing calls (each its own HTTP request). */
async function newParentWithRacers(count: number) {
  const token = await parentToken(t, newPhone());
  return { parent: createEnrollmentClient({ url: t.url, token }), racing: racers(t.url, count, token) };
}
const review = (applicationId: string, action: 'approve' | 'reject', reason?: string) => reviewAsCounty(t, applicationId, action, reason);

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  c = await catalogFor(t);
  parent = await signInParent(t, '13811112222');
});
afterAll(() => t?.close());

describe('the application journey', () => {
  it('takes a parent from entry to 报名信息提交成功, then shows 审核中, the history and two withdrawals left', async () => {
    const { applicationId, version } = await readyToSubmit(t, parent, c, '20180101', nextSeq());
    const preview = await parent.applications.get.query({ applicationId });
    expect(preview).toMatchObject({ status: 'draft', missing: [], channel: { code: 'hukou' }, gradeName: '一年级' });
    expect(preview.form.fatherIdNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(preview.schools.first?.name).toBe(c.primary[0]!.name);

    const submitted = await parent.applications.submit.mutate({ applicationId, version });
    expect(submitted).toMatchObject({ status: 'submitted', message: '报名信息提交成功' });
    expect(submitted.number).toMatch(/^TA24-1-[A-Z2-9]{6}$/);

    const progress = await parent.applications.progress.query({ applicationId });
    expect(progress).toMatchObject({ statusName: '审核中', withdrawalsLeft: 2, canWithdraw: true, canEdit: false });
    expect(progress.history.map((h) => h.toName)).toEqual(['审核中']);
    const [notice] = await parent.messages.list.query();
    expect(notice!.title).toBe('报名进度更新：审核中');
    await expect
      .poll(async () => (await t.client.dev.inbox.query({ phone: (await parent.auth.me.query()).phone }))[0]?.body)
      .toContain('已提交成功');
  });

  it('keeps every typed field across reloads, and merges saves of different fields', async () => {
    const { parent: saver, racing } = await newParentWithRacers(3);
    const child = await saver.children.add.mutate({ name: '李小花', idType: 'resident', idNumber: residentId('20180202', nextSeq()) });
    const { applicationId } = await saver.applications.start.mutate({
      childId: child.id,
      entryId: c.entry('grade1').id,
      acceptDeclaration: true,
    });
    const fields = [{ address: '桃花江镇桃花路1号' }, { fatherName: '李大山' }, { motherName: '张小红' }];
    await Promise.all(racing.map((client, i) => client.applications.save.mutate({ applicationId, fields: fields[i]! })));
    const { form } = await saver.applications.get.query({ applicationId });
    expect(form).toMatchObject({ address: '桃花江镇桃花路1号', fatherName: '李大山', motherName: '张小红' });
    await saver.applications.save.mutate({ applicationId, fields: { address: null } });
    expect((await saver.applications.get.query({ applicationId })).form.address).toBeUndefined();
  });

  it('lists what is missing and refuses to submit until it is there', async () => {
    const child = await parent.children.add.mutate({ name: '李小草', idType: 'resident', idNumber: residentId('20180303', nextSeq()) });
    const { applicationId } = await parent.applications.start.mutate({
      childId: child.id,
      entryId: c.entry('grade1').id,
      acceptDeclaration: true,
    });
    await parent.applications.chooseChannel.mutate({ applicationId, channelId: c.channel('property').id });
    await parent.applications.save.mutate({
      applicationId,
      fields: { ...hukouForm(c.community), hukouShowsRelation: false, propertyProof: 'certificate' },
    });
    const { missing, version } = await parent.applications.get.query({ applicationId });
    expect(missing.map((m) => m.label)).toEqual(
      expect.arrayContaining(['房产地址', '产权证或备案编号', '两所志愿学校', '材料：学生本人户口簿页', '材料：出生医学证明']),
    );
    expect(missing.some((m) => m.label.includes('任选其一'))).toBe(true);
    expect(missing).toEqual(
      expect.arrayContaining([
        { step: 'form', field: 'propertyAddress', label: '房产地址' },
        { step: 'form', field: 'propertyCertificateNumber', label: '产权证或备案编号' },
        { step: 'schools', field: 'schools', label: '两所志愿学校' },
        { step: 'documents', documentKind: 'student-hukou', label: '材料：学生本人户口簿页' },
        { step: 'documents', documentKind: 'birth-certificate', label: '材料：出生医学证明' },
      ]),
    );
    const e = await refusal(parent.applications.submit.mutate({ applicationId, version }));
    expect(e.data).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'APPLICATION_INCOMPLETE' });
    expect(e.message).toMatch(/^还有未完成的内容：/);
    expect(e.data?.missing).toEqual(missing);
  });
});

describe('starting an application', () => {
  it('is refused outside the window, early and late, with the window dates', async () => {
    const phone = newPhone();
    const startAt = async (at: string, birth: string) => {
      t.clock.set(at);
      const client = await signInParent(t, phone);
      const child = await client.children.add.mutate({ name: '李早早', idType: 'resident', idNumber: residentId(birth, nextSeq()) });
      return client.applications.start.mutate({ childId: child.id, entryId: c.entry('grade1').id, acceptDeclaration: true });
    };
    for (const [at, birth] of [
      ['2024-07-14T23:58:00+08:00', '20180404'],
      ['2024-07-26T00:00:00+08:00', '20180405'],
    ] as const) {
      const e = await refusal(startAt(at, birth));
      expect(e.data).toMatchObject({ code: 'FORBIDDEN', domainCode: 'WINDOW_CLOSED' });
      expect(e.message).toBe('小学一年级新生不在报名时间内。报名时间为 2024-07-15 00:00 至 2024-07-25 24:00（北京时间）');
    }
    t.clock.set('2024-07-16T09:00:00+08:00');
  });

  it('opens at 00:00:00 on 15 July to the second', async () => {
    t.clock.set('2024-07-15T00:00:00+08:00');
    parent = await newParent();
    const child = await parent.children.add.mutate({ name: '李零点', idType: 'resident', idNumber: residentId('20180406', nextSeq()) });
    expect(
      await parent.applications.start.mutate({ childId: child.id, entryId: c.entry('grade1').id, acceptDeclaration: true }),
    ).toHaveProperty('applicationId');
    t.clock.set('2024-07-16T09:00:00+08:00');
  });

  it('refuses to submit a draft once the window has closed, with the window dates', async () => {
    const phone = newPhone();
    parent = await signInParent(t, phone);
    const { applicationId, version } = await readyToSubmit(t, parent, c, '20180407', nextSeq());
    t.clock.set('2024-07-26T00:00:00+08:00');
    parent = await signInParent(t, phone);
    const e = await refusal(parent.applications.submit.mutate({ applicationId, version }));
    expect(e.data).toMatchObject({ code: 'FORBIDDEN', domainCode: 'WINDOW_CLOSED' });
    expect(e.message).toBe('不在报名时间内。报名时间为 2024-07-15 00:00 至 2024-07-25 24:00（北京时间）');
    t.clock.set('2024-07-16T09:00:00+08:00');
  });

  it('needs the declaration accepted', async () => {
    parent = await newParent();
    const e = await refusal(
      parent.applications.start.mutate({ childId: 'a'.repeat(20), entryId: c.entry('grade1').id, acceptDeclaration: false as never }),
    );
    expect(e.message).toBe('请先阅读并同意报名须知');
  });

  it('takes a child born on 31 August 2018 into grade 1 and refuses one born on 1 September', async () => {
    parent = await newParent();
    const old = await parent.children.add.mutate({ name: '李八月', idType: 'resident', idNumber: residentId('20180831', nextSeq()) });
    await parent.applications.start.mutate({ childId: old.id, entryId: c.entry('grade1').id, acceptDeclaration: true });
    const young = await parent.children.add.mutate({ name: '李九月', idType: 'resident', idNumber: residentId('20180901', nextSeq()) });
    const e = await refusal(
      parent.applications.start.mutate({ childId: young.id, entryId: c.entry('grade1').id, acceptDeclaration: true }),
    );
    expect(e.data).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'NOT_ELIGIBLE' });
    expect(e.message).toBe('报读一年级须在2024年8月31日前年满6周岁（2018年8月31日及以前出生）');
  });

  it('asks a transfer for a grade of 2–6 or 8–9', async () => {
    parent = await newParent();
    const child = await parent.children.add.mutate({ name: '李转学', idType: 'resident', idNumber: residentId('20140505', nextSeq()) });
    const start = (grade?: number) =>
      parent.applications.start.mutate({ childId: child.id, entryId: c.entry('transfer').id, grade, acceptDeclaration: true });
    expect((await refusal(start())).data?.fieldErrors).toEqual({ grade: ['请选择插班年级'] });
    const seven = await refusal(start(7));
    expect(seven.data?.code).toBe('BAD_REQUEST');
    expect(seven.message).toBe('插班生转学只接受二年级至六年级、八年级至九年级');
    await start(4);
    expect((await parent.applications.list.query()).find((a) => a.childName === '李转学')).toMatchObject({ grade: 4, status: 'draft' });
  });

  it('allows one application per child and season, even when two start at once', async () => {
    const { parent: starter, racing } = await newParentWithRacers(3);
    parent = starter;
    const child = await parent.children.add.mutate({ name: '李唯一', idType: 'resident', idNumber: residentId('20180606', nextSeq()) });
    const starts = await Promise.allSettled(
      [c.entry('grade1').id, c.entry('grade1').id, c.entry('transfer').id].map((entryId, i) =>
        racing[i]!.applications.start.mutate({ childId: child.id, entryId, grade: 2, acceptDeclaration: true }),
      ),
    );
    expect(starts.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    for (const s of starts.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
      expect(s.reason.data.code).toBe('CONFLICT');
      expect(s.reason.message).toMatch(/^李唯一本招生季已有报名（编号/);
    }
  });
});

describe('the form and the schools', () => {
  let applicationId: string;
  beforeAll(async () => {
    const child = await parent.children.add.mutate({ name: '李表单', idType: 'resident', idNumber: residentId('20180707', nextSeq()) });
    ({ applicationId } = await parent.applications.start.mutate({
      childId: child.id,
      entryId: c.entry('grade1').id,
      acceptDeclaration: true,
    }));
    await parent.applications.chooseChannel.mutate({ applicationId, channelId: c.channel('hukou').id });
  });

  it('refuses a hukou obtained on 2024-03-01 for the hukou channel and takes 2024-02-29', async () => {
    const e = await refusal(parent.applications.save.mutate({ applicationId, fields: { hukouRegisteredOn: '2024-03-01' } }));
    expect(e.data?.fieldErrors).toEqual({ hukouRegisteredOn: ['户口取得时间须早于2024年3月1日，不符合本通道条件'] });
    await parent.applications.save.mutate({ applicationId, fields: { hukouRegisteredOn: '2024-02-29' } });
  });

  it('refuses unknown fields, bad dates, bad ID numbers and unknown communities field by field', async () => {
    expect(
      (await refusal(parent.applications.save.mutate({ applicationId, fields: { favouriteColour: 'red' } }))).data?.fieldErrors,
    ).toEqual({ favouriteColour: ['未知字段：favouriteColour'] });
    expect((await refusal(parent.applications.save.mutate({ applicationId, fields: { hukouRegisteredOn: '2024/02/01' } }))).message).toBe(
      '户口取得时间格式应为 YYYY-MM-DD',
    );
    expect(
      Object.keys(
        (await refusal(parent.applications.save.mutate({ applicationId, fields: { fatherIdNumber: '430922198503120311' } }))).data
          ?.fieldErrors ?? {},
      ),
    ).toEqual(['fatherIdNumber']);
    expect((await refusal(parent.applications.save.mutate({ applicationId, fields: { community: '火星社区' } }))).message).toBe(
      '请从列表中选择所在社区',
    );
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'])(
    'refuses the field key %s as an unknown field (BAD_REQUEST, not a server error)',
    async (key) => {
      const e = await refusal(parent.applications.save.mutate({ applicationId, fields: { [key]: 'x' } }));
      expect(e.data?.code).toBe('BAD_REQUEST');
      expect(e.data?.fieldErrors).toEqual({ [key]: [`未知字段：${key}`] });
    },
  );

  it('refuses the field key __proto__ by name instead of dropping it', async () => {
    const fields: Record<string, unknown> = { address: '桃花江镇原型路1号' };
    Object.defineProperty(fields, '__proto__', { value: { address: 'polluted' }, enumerable: true });
    const e = await refusal(parent.applications.save.mutate({ applicationId, fields }));
    expect(e.data?.code).toBe('BAD_REQUEST');
    expect(e.message).toBe('未知字段：__proto__');
    expect((await parent.applications.get.query({ applicationId })).form.address).not.toBe('桃花江镇原型路1号');
  });

  it('takes two different schools of the level that serve the family, and nothing else', async () => {
    const choose = (first: string, second: string) =>
      parent.applications.chooseSchools.mutate({ applicationId, firstSchoolId: first, secondSchoolId: second, sibling: null });
    expect((await refusal(choose(c.primary[0]!.id, c.primary[1]!.id))).message).toBe('请先填写居住社区，再选择学校');
    await parent.applications.save.mutate({ applicationId, fields: { community: c.community } });
    expect((await refusal(choose(c.primary[0]!.id, c.primary[0]!.id))).message).toBe('请选择两所不同的学校');
    expect((await refusal(choose(c.primary[0]!.id, c.junior[0]!.id))).message).toBe(`${c.junior[0]!.name}不招收小学学生`);
    expect((await refusal(choose(c.primary[0]!.id, c.outside.id))).message).toBe(`${c.outside.name}的招生范围不包括${c.community}`);
    await choose(c.primary[0]!.id, c.primary[1]!.id);
  });

  it('records sibling priority with a valid ID number and one of the chosen schools', async () => {
    const sibling = (schoolId: string, idNumber = residentId('20150101', '777')) =>
      parent.applications.chooseSchools.mutate({
        applicationId,
        firstSchoolId: c.primary[0]!.id,
        secondSchoolId: c.primary[1]!.id,
        sibling: { idNumber, schoolId, remark: '哥哥在读三年级' },
      });
    expect((await refusal(sibling(c.outside.id))).message).toBe('兄姐就读的学校须为所填报的两所学校之一');
    expect((await refusal(sibling(c.primary[0]!.id, '430922201501017770'))).data?.code).toBe('BAD_REQUEST');
    await sibling(c.primary[0]!.id);
    const { sibling: saved, missing } = await parent.applications.get.query({ applicationId });
    expect(saved).toMatchObject({ idMasked: expect.stringMatching(/^430922\*{8}/), remark: '哥哥在读三年级' });
    expect(missing.map((m) => m.label)).toEqual(expect.arrayContaining(['材料：兄姐户口页（能体现亲兄弟姐妹关系）', '材料：兄姐学籍卡']));
    expect(missing).toEqual(
      expect.arrayContaining([
        { step: 'schools', documentKind: 'sibling-hukou', label: '材料：兄姐户口页（能体现亲兄弟姐妹关系）' },
        { step: 'schools', documentKind: 'sibling-student-record', label: '材料：兄姐学籍卡' },
      ]),
    );
  });
});

describe('withdrawing and resubmitting', () => {
  it('allows two withdrawals per child, keeps the count across resubmissions, and refuses the third', async () => {
    parent = await newParent();
    const { applicationId } = await readyToSubmit(t, parent, c, '20180110', nextSeq());
    const cycle = async () => {
      const { version } = await parent.applications.get.query({ applicationId });
      await parent.applications.submit.mutate({ applicationId, version });
      return parent.applications.withdraw.mutate({ applicationId });
    };
    expect((await cycle()).withdrawalsLeft).toBe(1);
    expect((await cycle()).withdrawalsLeft).toBe(0);
    const e = await refusal(cycle());
    expect(e.data).toMatchObject({ code: 'FORBIDDEN', domainCode: 'WITHDRAW_LIMIT' });
    expect(e.message).toBe('每个学生仅有2次撤回机会，已达撤回次数上限');
    expect(await parent.applications.progress.query({ applicationId })).toMatchObject({
      status: 'submitted',
      withdrawalsLeft: 0,
      canWithdraw: false,
    });
  });

  it('refuses a withdrawal once the preliminary review has passed', async () => {
    parent = await newParent();
    const { applicationId, version } = await readyToSubmit(t, parent, c, '20180111', nextSeq());
    await parent.applications.submit.mutate({ applicationId, version });
    await review(applicationId, 'approve');
    const e = await refusal(parent.applications.withdraw.mutate({ applicationId }));
    expect(e.data).toMatchObject({ code: 'FORBIDDEN', domainCode: 'WITHDRAW_NOT_ALLOWED' });
    expect(e.message).toBe('报名当前状态为“初审通过”，已不能自主撤回');
    expect((await parent.applications.progress.query({ applicationId })).canWithdraw).toBe(false);
  });

  it('shows a rejection with its reason; the parent edits and resubmits', async () => {
    parent = await newParent();
    const { applicationId, version } = await readyToSubmit(t, parent, c, '20180112', nextSeq());
    await parent.applications.submit.mutate({ applicationId, version });
    await review(applicationId, 'reject', '户口簿照片不清晰，请重新上传');
    const progress = await parent.applications.progress.query({ applicationId });
    expect(progress).toMatchObject({ statusName: '已驳回', rejectReason: '户口簿照片不清晰，请重新上传', canEdit: true });
    expect(progress.correctionDeadline).toBe('2024-07-25T16:00:00.000Z');
    const { version: edited } = await parent.applications.save.mutate({ applicationId, fields: { address: '桃花江镇资江路99号' } });
    expect((await parent.applications.submit.mutate({ applicationId, version: edited })).status).toBe('submitted');
    expect((await parent.applications.progress.query({ applicationId })).history.map((h) => h.toName)).toEqual([
      '审核中',
      '已驳回',
      '审核中',
    ]);
  });

  it('lets a family rejected after the window correct it within three days, and not after', async () => {
    const phone = newPhone();
    parent = await signInParent(t, phone);
    const { applicationId, version } = await readyToSubmit(t, parent, c, '20180113', nextSeq());
    await parent.applications.submit.mutate({ applicationId, version });
    t.clock.set('2024-07-27T10:00:00+08:00');
    await review(applicationId, 'reject', '材料不全');
    t.clock.set('2024-07-30T09:59:00+08:00');
    parent = await signInParent(t, phone);
    const { version: v } = await parent.applications.save.mutate({ applicationId, fields: { address: '桃花江镇资江路100号' } });
    t.clock.set('2024-07-30T10:00:00+08:00');
    const e = await refusal(parent.applications.submit.mutate({ applicationId, version: v }));
    expect(e.data).toMatchObject({ code: 'FORBIDDEN', domainCode: 'CORRECTION_DEADLINE_PASSED' });
    t.clock.set('2024-07-16T09:00:00+08:00');
  });

  it('lets a parent unbind a child whose application was withdrawn, taking its history and documents with it', async () => {
    parent = await newParent();
    const { applicationId, version, childId } = await readyToSubmit(t, parent, c, '20180118', nextSeq());
    await parent.applications.submit.mutate({ applicationId, version });
    expect((await refusal(parent.children.remove.mutate({ childId }))).data?.domainCode).toBe('CHILD_HAS_ACTIVE_APPLICATION');
    await parent.applications.withdraw.mutate({ applicationId });
    expect(await parent.children.remove.mutate({ childId })).toEqual({ removed: true });
    expect((await refusal(parent.applications.get.query({ applicationId }))).data?.code).toBe('NOT_FOUND');
  });

  it('refuses to edit a submitted application until it is withdrawn', async () => {
    parent = await newParent();
    const { applicationId, version } = await readyToSubmit(t, parent, c, '20180114', nextSeq());
    await parent.applications.submit.mutate({ applicationId, version });
    const e = await refusal(parent.applications.save.mutate({ applicationId, fields: { address: '桃花江镇别的地方1号' } }));
    expect(e.data).toMatchObject({ code: 'FORBIDDEN', domainCode: 'APPLICATION_LOCKED' });
    expect(e.message).toBe('报名当前状态为“审核中”，不能修改；如需修改，请先撤回');
  });
});

describe("another family's application", () => {
  it('does not exist for this parent, whatever the procedure', async () => {
    parent = await newParent();
    const { applicationId, version } = await readyToSubmit(t, parent, c, '20180115', nextSeq());
    const other = await signInParent(t, '13922223333');
    for (const call of [
      () => other.applications.get.query({ applicationId }),
      () => other.applications.progress.query({ applicationId }),
      () => other.applications.save.mutate({ applicationId, fields: { address: '桃花江镇资江路1号' } }),
      () => other.applications.submit.mutate({ applicationId, version }),
      () => other.applications.withdraw.mutate({ applicationId }),
    ]) {
      const e = await refusal(call());
      expect(e.data?.code).toBe('NOT_FOUND');
      expect(e.message).toBe('找不到该报名');
    }
  });
});

describe('under concurrent requests', () => {
  it('turns twenty simultaneous submits of one draft into one submission and one notice', async () => {
    const { parent: submitter, racing } = await newParentWithRacers(20);
    parent = submitter;
    const { applicationId, version } = await readyToSubmit(t, parent, c, '20180116', nextSeq());
    const results = await Promise.allSettled(racing.map((client) => client.applications.submit.mutate({ applicationId, version })));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const { db } = t.host.deps;
    const [history] = await db
      .select({ n: count() })
      .from(applicationHistory)
      .where(and(eq(applicationHistory.applicationId, applicationId), eq(applicationHistory.toStatus, 'submitted')));
    expect(history!.n).toBe(1);
    const [sms] = await db
      .select({ n: count() })
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `application:${applicationId}:v${version + 1}`));
    expect(sms!.n).toBe(1);
    const [inApp] = await db
      .select({ n: count() })
      .from(messages)
      .where(eq(messages.noticeKey, `application:${applicationId}:v${version + 1}`));
    expect(inApp!.n).toBe(1);
  });

  it('lets exactly one of twenty simultaneous withdrawals through each time, and never more than two in all', async () => {
    const { parent: withdrawer, racing } = await newParentWithRacers(20);
    parent = withdrawer;
    const { applicationId } = await readyToSubmit(t, parent, c, '20180117', nextSeq());
    for (const round of [1, 2, 3]) {
      const { version } = await parent.applications.get.query({ applicationId });
      await parent.applications.submit.mutate({ applicationId, version });
      const results = await Promise.allSettled(racing.map((client) => client.applications.withdraw.mutate({ applicationId })));
      expect(
        results.filter((r) => r.status === 'fulfilled'),
        `round ${round}`,
      ).toHaveLength(round <= 2 ? 1 : 0);
      if (round > 2) break;
    }
    const { db } = t.host.deps;
    const [withdrawals] = await db
      .select({ n: count() })
      .from(applicationHistory)
      .where(and(eq(applicationHistory.applicationId, applicationId), eq(applicationHistory.toStatus, 'withdrawn')));
    expect(withdrawals!.n).toBe(2);
  });
});

describe('the system checks, for the family', () => {
  it('shows a parent the checks of their own application in plain words, with what to check or bring, and no record values', async () => {
    parent = await newParent();
    const { applicationId, version } = await readyToSubmit(t, parent, c, '20180124', nextSeq());
    expect((await parent.applications.progress.query({ applicationId })).checks).toEqual([]);
    await parent.applications.submit.mutate({ applicationId, version });
    await expect
      .poll(async () => (await parent.applications.progress.query({ applicationId })).checks.length, { timeout: 5000 })
      .toBeGreaterThan(0);
    const { checks } = await parent.applications.progress.query({ applicationId });
    // A family the records do not know: nothing could be confirmed automatically, so staff will look, and each line
    // says what to check or bring.
    expect(checks.find((x) => x.claim === 'identity_child')).toEqual({
      claim: 'identity_child',
      label: '孩子的姓名与身份证号码',
      result: 'manual',
      text: '未能自动核对，将由工作人员人工核对',
      bring: '请核对填写的孩子姓名和证件号码；如无误，请携带孩子的户口簿和身份证件原件备查',
    });
    for (const check of checks) expect(check.bring === null).toBe(check.result === 'pass' || check.result === 'pending');
    expect(JSON.stringify(checks)).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{17}[\dX]/);
  });
});

describe('the ID numbers a parent typed', () => {
  it('are shown in full to that parent on request, each view audited, and to nobody else', async () => {
    const phone = newPhone();
    const owner = await signInParent(t, phone);
    const { applicationId } = await readyToSubmit(t, owner, c, '20180123', nextSeq());
    const preview = await owner.applications.get.query({ applicationId });
    expect(JSON.stringify(preview)).not.toContain(hukouForm(c.community).fatherIdNumber);
    expect(await owner.applications.revealId.mutate({ applicationId, field: 'father' })).toEqual({
      field: 'father',
      idNumber: hukouForm(c.community).fatherIdNumber,
    });
    expect((await owner.applications.revealId.mutate({ applicationId, field: 'child' })).idNumber).toMatch(/^43092220180123\d{3}[\dX]$/);
    const other = await newParent();
    expect((await refusal(other.applications.revealId.mutate({ applicationId, field: 'father' }))).data?.code).toBe('NOT_FOUND');
    const entries = await t.host.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.applicationId, applicationId), eq(auditLog.action, 'reveal_own_id')));
    expect(entries.map((e) => e.detail.field)).toEqual(['father', 'child']);
    expect(entries[0]!.username).toBe(`家长 ${phone.slice(0, 3)}****${phone.slice(7)}`);
    expect(entries[0]!.staffId).toBeNull();
  });
});

describe('the 学籍号 of a grade-7 pupil', () => {
  it('is checked against the child, sealed at rest, shown masked and in full only on an audited request', async () => {
    const owner = await newParent();
    const childId = residentId('20120305', nextSeq());
    const child = await owner.children.add.mutate({ name: '赵初一', idType: 'resident', idNumber: childId });
    const { applicationId } = await owner.applications.start.mutate({
      childId: child.id,
      entryId: c.entry('grade7').id,
      acceptDeclaration: true,
    });
    const wrong = await refusal(
      owner.applications.save.mutate({ applicationId, fields: { studentNumber: `G${residentId('20120306', '555')}` } }),
    );
    expect(wrong.data?.code).toBe('BAD_REQUEST');
    expect(wrong.message).toContain('学籍号中的身份证号码与孩子的不一致');
    await owner.applications.save.mutate({
      applicationId,
      fields: { studentNumber: `g${childId}`, primarySchool: '桃江县修山镇中心小学' },
    });
    const masked = `G${childId.slice(0, 6)}********${childId.slice(14)}`;
    expect((await owner.applications.get.query({ applicationId })).form.studentNumber).toBe(masked);
    const [row] = await t.host.deps.db.select({ form: applications.form }).from(applications).where(eq(applications.id, applicationId));
    expect(JSON.stringify(row!.form)).not.toContain(childId);
    expect(await owner.applications.revealId.mutate({ applicationId, field: 'studentNumber' })).toEqual({
      field: 'studentNumber',
      idNumber: `G${childId}`,
    });
  });
});

/** A new parent's grade-1 draft on the hukou channel with one uploaded photo; `beforeStart` looks at the child first. */
async function draftWithUpload(name: string, birth: string, beforeStart?: (owner: EnrollmentClient, childId: string) => Promise<void>) {
  const token = await parentToken(t, newPhone());
  const owner = createEnrollmentClient({ url: t.url, token });
  const child = await owner.children.add.mutate({ name, idType: 'resident', idNumber: residentId(birth, nextSeq()) });
  await beforeStart?.(owner, child.id);
  const { applicationId } = await owner.applications.start.mutate({
    childId: child.id,
    entryId: c.entry('grade1').id,
    acceptDeclaration: true,
  });
  await owner.applications.chooseChannel.mutate({ applicationId, channelId: c.channel('hukou').id });
  await uploadSample(t, token, applicationId, 'student-hukou');
  return { owner, token, child, applicationId };
}

describe('deleting a draft', () => {
  it('deletes a never-submitted draft with its uploads, so the child can be registered in another entry', async () => {
    const { owner, child, applicationId } = await draftWithUpload('李错报', '20180120');
    const { db, files } = t.host.deps;
    const [stored] = await db.select({ key: documents.storageKey }).from(documents).where(eq(documents.applicationId, applicationId));
    expect(await files.get(stored!.key)).not.toBeNull();

    expect(await owner.applications.discardDraft.mutate({ applicationId })).toEqual({ applicationId, discarded: true });
    expect(await owner.applications.list.query()).toEqual([]);
    expect(await db.select().from(documents).where(eq(documents.applicationId, applicationId))).toEqual([]);
    expect(await files.get(stored!.key)).toBeNull();
    expect((await refusal(owner.applications.get.query({ applicationId }))).data?.code).toBe('NOT_FOUND');
    expect(
      await owner.applications.start.mutate({ childId: child.id, entryId: c.entry('grade1').id, acceptDeclaration: true }),
    ).toHaveProperty('applicationId');
  });

  it('refuses to delete an application that was ever submitted, and keeps it', async () => {
    parent = await newParent();
    const { applicationId, version } = await readyToSubmit(t, parent, c, '20180121', nextSeq());
    await parent.applications.submit.mutate({ applicationId, version });
    const e = await refusal(parent.applications.discardDraft.mutate({ applicationId }));
    expect(e.data).toMatchObject({ code: 'FORBIDDEN', domainCode: 'APPLICATION_LOCKED' });
    expect(e.message).toBe('只能删除从未提交的报名草稿');
    await parent.applications.withdraw.mutate({ applicationId });
    expect((await refusal(parent.applications.discardDraft.mutate({ applicationId }))).data?.domainCode).toBe('APPLICATION_LOCKED');
    expect((await parent.applications.get.query({ applicationId })).status).toBe('withdrawn');
  });

  it('gives a delete racing a submission of the same draft one outcome, never half of each', async () => {
    for (let round = 0; round < 4; round++) {
      const { parent: owner, racing } = await newParentWithRacers(2);
      const { applicationId, version } = await readyToSubmit(t, owner, c, '20180122', nextSeq());
      const [submitted, discarded] = await Promise.allSettled([
        racing[round % 2]!.applications.submit.mutate({ applicationId, version }),
        racing[(round + 1) % 2]!.applications.discardDraft.mutate({ applicationId }),
      ]);
      expect(
        [submitted.status, discarded.status].filter((s) => s === 'fulfilled'),
        `round ${round}`,
      ).toHaveLength(1);
      const { db } = t.host.deps;
      const rows = await db.select({ status: applications.status }).from(applications).where(eq(applications.id, applicationId));
      const docs = await db.select({ id: documents.id }).from(documents).where(eq(documents.applicationId, applicationId));
      const history = await db
        .select({ id: applicationHistory.id })
        .from(applicationHistory)
        .where(eq(applicationHistory.applicationId, applicationId));
      if (submitted.status === 'fulfilled') {
        expect(rows).toEqual([{ status: 'submitted' }]);
        expect(docs).toHaveLength(5);
        expect(history).toHaveLength(1);
      } else {
        expect(rows).toEqual([]);
        expect(docs).toEqual([]);
        expect(history).toEqual([]);
      }
    }
  });
});

describe('application numbers', () => {
  it('are drawn again when a random number is already taken, so starting never fails on it', async () => {
    parent = await newParent();
    const child = await parent.children.add.mutate({ name: '李编号', idType: 'resident', idNumber: residentId('20180220', nextSeq()) });
    const other = await parent.children.add.mutate({ name: '李号码', idType: 'resident', idNumber: residentId('20180221', nextSeq()) });
    const first = await parent.applications.start.mutate({ childId: child.id, entryId: c.entry('grade1').id, acceptDeclaration: true });
    const { number } = await parent.applications.get.query({ applicationId: first.applicationId });
    const taken = [...number.slice(-6)].map((ch) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'.indexOf(ch));
    const drawsBefore = t.random.draws(6);
    t.random.plan(Uint8Array.from(taken));
    const second = await parent.applications.start.mutate({ childId: other.id, entryId: c.entry('grade1').id, acceptDeclaration: true });
    expect((await parent.applications.get.query({ applicationId: second.applicationId })).number).not.toBe(number);
    expect(t.random.draws(6) - drawsBefore).toBeGreaterThanOrEqual(2);
    expect(t.errors).toEqual([]);
  });
});

describe('picking the child (before 报名须知)', () => {
  it('says for each child whether it may start in the entry: age, a draft in another entry, an application already sent', async () => {
    parent = await newParent();
    const grade1 = c.entry('grade1').id;
    const fits = await parent.children.add.mutate({ name: '王合适', idType: 'resident', idNumber: residentId('20180301', nextSeq()) });
    const young = await parent.children.add.mutate({ name: '王太小', idType: 'resident', idNumber: residentId('20180901', nextSeq()) });
    const wrong = await parent.children.add.mutate({ name: '王错报', idType: 'resident', idNumber: residentId('20180302', nextSeq()) });
    const { applicationId: draftId } = await parent.applications.start.mutate({
      childId: wrong.id,
      entryId: c.entry('transfer').id,
      grade: 2,
      acceptDeclaration: true,
    });
    const sent = await readyToSubmit(t, parent, c, '20180303', nextSeq());
    await parent.applications.submit.mutate({ applicationId: sent.applicationId, version: sent.version });

    const answer = await parent.applications.childrenFit.query({ entryId: grade1 });
    expect(answer).toHaveLength(4);
    const of = (childId: string) => answer.find((a) => a.childId === childId)!;
    expect(of(fits.id)).toEqual({ childId: fits.id, fit: { ok: true }, existing: null });
    expect(of(young.id).fit).toEqual({
      ok: false,
      reason: 'too_young',
      message: '报读一年级须在2024年8月31日前年满6周岁（2018年8月31日及以前出生）',
    });
    expect(of(wrong.id)).toMatchObject({
      fit: { ok: false, reason: 'draft_elsewhere' },
      existing: { applicationId: draftId, entryName: '插班生转学', status: 'draft', statusName: '草稿' },
    });
    expect(of(wrong.id).fit).toHaveProperty('message', expect.stringContaining('删除该草稿后才能在本入口报名'));
    const submitted = answer.find((a) => a.existing?.applicationId === sent.applicationId)!;
    expect(submitted.fit).toMatchObject({ ok: false, reason: 'applied' });
    expect(submitted.fit).toHaveProperty('message', expect.stringContaining('审核中'));

    // Starting anyway is refused with the application in the way as data; deleting the draft frees the child.
    const e = await refusal(parent.applications.start.mutate({ childId: wrong.id, entryId: grade1, acceptDeclaration: true }));
    expect(e.data).toMatchObject({
      domainCode: 'APPLICATION_EXISTS',
      existing: { applicationId: draftId, status: 'draft', entryName: '插班生转学' },
    });
    await parent.applications.discardDraft.mutate({ applicationId: draftId });
    const after = (await parent.applications.childrenFit.query({ entryId: grade1 })).find((a) => a.childId === wrong.id);
    expect(after).toEqual({ childId: wrong.id, fit: { ok: true }, existing: null });
  });

  it('answers 找不到该报名入口 for an entry that does not exist', async () => {
    const e = await refusal(parent.applications.childrenFit.query({ entryId: 'a'.repeat(20) }));
    expect(e.data?.domainCode).toBe('ENTRY_NOT_FOUND');
  });
});

describe('removing a child (我的孩子)', () => {
  it('names, before the child is unbound, the drafts and uploaded files that go with it', async () => {
    const { owner, token, child, applicationId } = await draftWithUpload('赵草稿', '20180404', async (o, childId) =>
      expect(await o.children.removalPreview.query({ childId })).toEqual({ removable: true, destroys: [] }),
    );
    await uploadSample(t, token, applicationId, 'student-hukou');
    const { number } = await owner.applications.get.query({ applicationId });
    expect(await owner.children.removalPreview.query({ childId: child.id })).toEqual({
      removable: true,
      destroys: [{ applicationId, entryName: '小学一年级新生', number, status: 'draft', statusName: '草稿', files: 2 }],
    });

    const sent = await readyToSubmit(t, owner, c, '20180405', nextSeq());
    await owner.applications.submit.mutate({ applicationId: sent.applicationId, version: sent.version });
    const sentChild = (await owner.children.list.query()).find((k) => k.id !== child.id)!.id;
    expect(await owner.children.removalPreview.query({ childId: sentChild })).toEqual({ removable: false, destroys: [] });
    expect((await refusal(parent.children.removalPreview.query({ childId: child.id }))).data?.code).toBe('NOT_FOUND');
  });
});
