import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, channels } from '../../db/schema';
import { edgeCases } from '../../src/adapters/records-dataset';
import type { EnrollmentClient, RouterOutputs } from '../../src/client';
import { submitForFamily } from '../helpers/edge-families';
import { startTestHost, type TestHost } from '../helpers/host';
import { residentId } from '../helpers/identity';
import { type Catalog, catalogFor } from '../helpers/journey';
import { signInParent } from '../helpers/parents';
import { racers } from '../helpers/racers';
import { refusal } from '../helpers/refusal';
import { signInStaff, staffToken } from '../helpers/staff';

type Listed = RouterOutputs['admin']['channels']['list'];
type ListedChannel = Listed['entries'][number]['tracks'][number]['channels'][number];

let t: TestHost;
let c: Catalog;
let admin: EnrollmentClient;
let county: EnrollmentClient;
let seasonId: string;
let phones = 0;
const newParent = () => signInParent(t, `135${String(60_000_000 + phones++).slice(-8)}`);

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  c = await catalogFor(t);
  admin = await signInStaff(t, 'admin');
  county = await signInStaff(t, 'county');
  seasonId = c.region.season.id;
});
afterAll(() => t?.close());

const grade1Track = async () => (await admin.admin.channels.list.query({ seasonId })).entries.find((e) => e.code === 'grade1')!.tracks[0]!;
const channelOf = async (code: string) => (await grade1Track()).channels.find((ch) => ch.code === code)!;
/** What an update sends: the channel as listed, with `over` on top. */
const edit = (
  ch: ListedChannel,
  over: Partial<Pick<ListedChannel, 'name' | 'definition' | 'eligibility' | 'documents' | 'enabled'>> = {},
) => ({
  channelId: ch.id,
  version: ch.version,
  name: ch.name,
  definition: ch.definition,
  eligibility: ch.eligibility,
  documents: ch.documents,
  enabled: ch.enabled,
  ...over,
});
const audits = (action: string) => t.host.deps.db.select().from(auditLog).where(eq(auditLog.action, action));

describe('an administrator edits a season’s channels', () => {
  it('lists the season by entry and track with each channel’s version, state and use; county reviewers may read it', async () => {
    const listed = await county.admin.channels.list.query({ seasonId });
    expect(listed.season).toMatchObject({ id: seasonId, status: 'published' });
    const grade1 = listed.entries.find((e) => e.code === 'grade1')!;
    expect(grade1.tracks[0]!.channels.map((ch) => ch.code)).toEqual([
      'hukou',
      'public-servant',
      'military',
      'property',
      'business',
      'migrant-worker',
    ]);
    expect(grade1.tracks[0]!.channels[0]).toMatchObject({
      name: '县城区常住户籍学生',
      enabled: true,
      version: 0,
      applications: 0,
      submitted: 0,
      eligibility: { check: 'hukou', before: '2024-03-01' },
    });
    const forbidden = await refusal(county.admin.channels.update.mutate(edit(grade1.tracks[0]!.channels[0]!, { name: '改名' })));
    expect(forbidden.data?.code).toBe('FORBIDDEN');
  });

  it('renames a channel and edits a document’s wording: one change, audited with before and after; a stale version is told to reload', async () => {
    const ch = await channelOf('public-servant');
    const documents = ch.documents.map((d) => (d.kind === 'public-salary-proof' ? { ...d, note: '调入单位出具，加盖公章。' } : d));
    const done = await admin.admin.channels.update.mutate(edit(ch, { name: '在县城工作的公职人员子女', documents }));
    expect(done).toMatchObject({ version: ch.version + 1, rechecked: 0, criteria: [] });
    const after = await channelOf('public-servant');
    expect(after).toMatchObject({ name: '在县城工作的公职人员子女', version: ch.version + 1 });
    expect(after.documents.find((d) => d.kind === 'public-salary-proof')!.note).toBe('调入单位出具，加盖公章。');
    const [entry] = await audits('channel_update');
    expect(entry!.detail).toMatchObject({
      channelId: ch.id,
      before: { name: '在县城工作的国家公职人员子女' },
      after: { name: '在县城工作的公职人员子女' },
    });

    const stale = await refusal(admin.admin.channels.update.mutate(edit(ch, { name: '又一个名字' })));
    expect(stale).toMatchObject({ data: { code: 'CONFLICT' }, message: '该报名通道已被他人修改，请刷新后再试' });
    const unchanged = await refusal(admin.admin.channels.update.mutate(edit(after)));
    expect(unchanged).toMatchObject({ data: { code: 'BAD_REQUEST' }, message: '报名通道没有变化' });
  });

  it('refuses a malformed cut-off date, a duplicated document kind and a lone alternative, with nothing written', async () => {
    const ch = await channelOf('business');
    const badDate = await refusal(
      admin.admin.channels.update.mutate(edit(ch, { eligibility: { ...ch.eligibility, before: '2023-13-01' } })),
    );
    expect(badDate.data?.code).toBe('BAD_REQUEST');
    expect(badDate.message).toContain('截止日期格式为 YYYY-MM-DD');
    const twice = await refusal(admin.admin.channels.update.mutate(edit(ch, { documents: [...ch.documents, ch.documents[0]!] })));
    expect(twice.message).toBe(`材料代码 ${ch.documents[0]!.kind} 重复`);
    const lone = await refusal(
      admin.admin.channels.update.mutate(edit(ch, { documents: ch.documents.filter((d) => d.kind !== 'park-certificate') })),
    );
    expect(lone.message).toBe('任选其一的材料组「business-proof」至少要有两项材料');
    expect(await channelOf('business')).toEqual(ch);
  });

  it('lets exactly one of two administrators editing the same version through', async () => {
    const ch = await channelOf('military');
    const token = await staffToken(t, 'admin');
    const [a, b] = racers(t.url, 2, token);
    const results = await Promise.allSettled([
      a!.admin.channels.update.mutate(edit(ch, { definition: '甲的说明' })),
      b!.admin.channels.update.mutate(edit(ch, { definition: '乙的说明' })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as { data?: { code?: string } }).data?.code).toBe('CONFLICT');
    const [row] = await t.host.deps.db.select().from(channels).where(eq(channels.id, ch.id));
    expect(row!.version).toBe(ch.version + 1);
    expect(['甲的说明', '乙的说明']).toContain(row!.definition);
    const written = (await audits('channel_update')).filter((e) => (e.detail as { channelId?: string }).channelId === ch.id);
    expect(written).toHaveLength(1);
  });

  it('creates a channel at the end of a track, reorders the track, and deletes the unused channel; a taken code is refused', async () => {
    const track = await grade1Track();
    const settings = {
      name: '试点通道',
      definition: '试点说明。',
      eligibility: { check: 'other' as const, verifiable: false, manualProof: true },
      documents: [{ kind: 'pilot-proof', name: '试点证明' }],
    };
    const made = await admin.admin.channels.create.mutate({ trackId: track.id, code: 'pilot', ...settings });
    const afterCreate = await grade1Track();
    expect(afterCreate.channels.at(-1)).toMatchObject({ id: made.id, code: 'pilot', enabled: true, version: 0 });
    const taken = await refusal(admin.admin.channels.create.mutate({ trackId: track.id, code: 'pilot', ...settings }));
    expect(taken).toMatchObject({ data: { code: 'CONFLICT' }, message: '该类别已有代码为 pilot 的报名通道' });
    expect(await audits('channel_create')).toHaveLength(1);

    const order = [...afterCreate.channels].reverse().map((ch) => ({ channelId: ch.id, version: ch.version }));
    await admin.admin.channels.reorder.mutate({ trackId: track.id, channels: order });
    const reordered = await grade1Track();
    expect(reordered.channels.map((ch) => ch.id)).toEqual(order.map((o) => o.channelId));
    const staleOrder = await refusal(admin.admin.channels.reorder.mutate({ trackId: track.id, channels: order }));
    expect(staleOrder.data?.code).toBe('CONFLICT');
    const partial = await refusal(
      admin.admin.channels.reorder.mutate({
        trackId: track.id,
        channels: reordered.channels.slice(1).map((ch) => ({ channelId: ch.id, version: ch.version })),
      }),
    );
    expect(partial.message).toBe('请给出该组的全部报名通道');
    // Put the order back for the tests that follow.
    await admin.admin.channels.reorder.mutate({
      trackId: track.id,
      channels: [...reordered.channels].reverse().map((ch) => ({ channelId: ch.id, version: ch.version })),
    });

    const pilot = await channelOf('pilot');
    await admin.admin.channels.remove.mutate({ channelId: pilot.id, version: pilot.version });
    expect((await grade1Track()).channels.map((ch) => ch.code)).not.toContain('pilot');
    expect((await audits('channel_delete'))[0]!.detail).toMatchObject({ channelId: pilot.id, before: { name: '试点通道' } });
  });
});

describe('a disabled channel', () => {
  it('is not offered to parents and cannot be chosen, while an application already in it keeps it', async () => {
    const parent = await newParent();
    const child = await parent.children.add.mutate({ name: '周停用', idType: 'resident', idNumber: residentId('20180402', '115') });
    const { applicationId } = await parent.applications.start.mutate({
      childId: child.id,
      entryId: c.entry('grade1').id,
      acceptDeclaration: true,
    });
    await parent.applications.chooseChannel.mutate({ applicationId, channelId: c.channel('property').id });

    for (const code of ['property', 'business']) {
      const ch = await channelOf(code);
      await admin.admin.channels.update.mutate(edit(ch, { enabled: false }));
    }
    const offered = await t.client.catalog.channels.query({ entryId: c.entry('grade1').id });
    expect(offered.tracks[0]!.channels.map((ch) => ch.code)).not.toContain('business');
    expect(offered.tracks[0]!.channels.map((ch) => ch.code)).not.toContain('property');

    const family = edgeCases.hukouOnCutoff;
    const checked = await parent.children.add.mutate({ name: family.child.name, idType: 'resident', idNumber: family.child.idNumber });
    const precheck = await parent.applications.precheck.mutate({
      childId: checked.id,
      entryId: c.entry('grade1').id,
      parentIdNumber: family.father.idNumber,
    });
    expect(precheck.channels.map((v) => v.code)).toContain('hukou');
    expect(precheck.channels.map((v) => v.code)).not.toContain('business');

    const refused = await refusal(parent.applications.chooseChannel.mutate({ applicationId, channelId: c.channel('business').id }));
    expect(refused).toMatchObject({ data: { code: 'BAD_REQUEST' }, message: '该报名通道已停用，请选择其他通道' });
    const kept = await parent.applications.get.query({ applicationId });
    expect(kept.channel?.code).toBe('property');
    // Choosing it again (the step saved once more) keeps it too.
    await parent.applications.chooseChannel.mutate({ applicationId, channelId: c.channel('property').id });

    const ch = await channelOf('property');
    expect(ch).toMatchObject({ enabled: false, applications: 1, submitted: 0 });
    const removed = await refusal(admin.admin.channels.remove.mutate({ channelId: ch.id, version: ch.version }));
    expect(removed).toMatchObject({
      data: { code: 'CONFLICT' },
      message: '已有 1 份报名使用该通道，不能删除；可改为停用，停用后不再向家长提供',
    });
    for (const code of ['property', 'business']) {
      const again = await channelOf(code);
      await admin.admin.channels.update.mutate(edit(again, { enabled: true }));
    }
  });
});

describe('a channel parents have submitted in', () => {
  let applicationId: string;

  it('keeps its document kinds and cannot be deleted; its wording may still change', async () => {
    ({ applicationId } = await submitForFamily(t, await newParent(), c, edgeCases.hukouBeforeCutoff, 'hukou', {
      hukouRegisteredOn: '2024-02-29',
      hukouAddress: '桃花江镇迎宾社区',
    }));
    const ch = await channelOf('hukou');
    expect(ch).toMatchObject({ applications: 1, submitted: 1 });
    const fewer = await refusal(admin.admin.channels.update.mutate(edit(ch, { documents: ch.documents.slice(1) })));
    expect(fewer).toMatchObject({
      data: { code: 'CONFLICT' },
      message: '已有 1 份报名按该通道提交，不能增删所需材料或修改材料代码；可修改材料名称、说明与条件，或新建通道',
    });
    const renamedKind = ch.documents.map((d, i) => (i === 0 ? { ...d, kind: `${d.kind}-new` } : d));
    expect((await refusal(admin.admin.channels.update.mutate(edit(ch, { documents: renamedKind })))).data?.code).toBe('CONFLICT');
    const added = [...ch.documents, { kind: 'extra-proof', name: '补充材料' }];
    expect((await refusal(admin.admin.channels.update.mutate(edit(ch, { documents: added })))).data?.code).toBe('CONFLICT');
    const deleted = await refusal(admin.admin.channels.remove.mutate({ channelId: ch.id, version: ch.version }));
    expect(deleted).toMatchObject({
      data: { code: 'CONFLICT' },
      message: '已有 1 份报名使用该通道，不能删除；可改为停用，停用后不再向家长提供',
    });
    expect(await channelOf('hukou')).toEqual(ch);

    const reworded = ch.documents.map((d, i) => (i === 0 ? { ...d, name: `${d.name}（原件照片）` } : d));
    await admin.admin.channels.update.mutate(edit(ch, { documents: reworded }));
    expect((await channelOf('hukou')).documents[0]!.name).toBe(`${ch.documents[0]!.name}（原件照片）`);
  });

  it('moves its cut-off date: the checks of the submitted applications run again and reviewers read what changed', async () => {
    const hukouCheck = async () => (await county.review.get.query({ applicationId })).verification.checks.find((x) => x.claim === 'hukou');
    await expect.poll(async () => (await hukouCheck())?.result, { timeout: 5000 }).toBe('pass');

    const ch = await channelOf('hukou');
    const done = await admin.admin.channels.update.mutate(edit(ch, { eligibility: { ...ch.eligibility, before: '2024-02-01' } }));
    expect(done.criteria).toEqual(['截止日期 2024-03-01 → 2024-02-01']);
    expect(done.rechecked).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => (await hukouCheck())?.result, { timeout: 5000 }).toBe('fail');
    expect((await hukouCheck())!.summary).toContain('不早于 2024-02-01');

    const detail = await county.review.get.query({ applicationId });
    expect(detail.criteriaNotes).toEqual([
      { at: expect.any(String), note: '审核条件已调整：截止日期 2024-03-01 → 2024-02-01，系统核验已重新进行' },
    ]);
    const [updated] = (await audits('channel_update')).filter((e) => (e.detail as { channelId?: string }).channelId === ch.id).slice(-1);
    expect(updated!.detail).toMatchObject({
      before: { eligibility: { before: '2024-03-01' } },
      after: { eligibility: { before: '2024-02-01' } },
    });
    const notes = await t.host.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'channel_criteria_change'), eq(auditLog.applicationId, applicationId)));
    expect(notes).toHaveLength(1);
  });
});
