import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { residentId } from '../helpers/identity';
import { type Catalog, catalogFor, hukouForm, readyToSubmit } from '../helpers/journey';
import { signInParent } from '../helpers/parents';
import { refusal } from '../helpers/refusal';
import { signInStaff } from '../helpers/staff';

let t: TestHost;
let huishangang: Catalog;
let taohuajiang: Catalog;
let county: EnrollmentClient;
let school: EnrollmentClient;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-16T09:00:00+08:00' });
  huishangang = await catalogFor(t, 'huishangang');
  taohuajiang = await catalogFor(t);
  county = await signInStaff(t, 'county');
  school = await signInStaff(t, 'school');
});
afterAll(() => t?.close());

describe('a family of the second demo town, 灰山港镇', () => {
  it("applies with the town's own window, community and schools, and the county's reviewer sees it", async () => {
    expect(huishangang.region.name).toBe('灰山港镇');
    expect(huishangang.entry('grade1').window.text).toBe('2024-07-12 00:00 至 2024-07-21 24:00（北京时间）');
    expect(huishangang.community).toBe('灰山港社区');
    expect(huishangang.primary.map((s) => s.name)).toEqual(['桃江县灰山港镇中心小学', '桃江县灰山港镇第二完全小学']);
    const parent = await signInParent(t, '13700000301');
    const { applicationId, version } = await readyToSubmit(t, parent, huishangang, '20180401', '311');
    await parent.applications.submit.mutate({ applicationId, version });
    expect((await parent.applications.progress.query({ applicationId })).statusName).toBe('审核中');
    expect((await county.review.queue.query({})).rows.map((r) => r.id)).toContain(applicationId);
    // The demo school reviewer works at 桃江县实验小学 in 桃花江镇: the application is none of theirs.
    expect((await school.review.queue.query({})).rows.map((r) => r.id)).not.toContain(applicationId);
    expect((await refusal(school.review.get.query({ applicationId }))).data?.code).toBe('NOT_FOUND');
  });

  it("cannot name another town's community or schools", async () => {
    const parent = await signInParent(t, '13700000302');
    const child = await parent.children.add.mutate({ name: '王小雨', idType: 'resident', idNumber: residentId('20180402', '322') });
    const { applicationId } = await parent.applications.start.mutate({
      childId: child.id,
      entryId: huishangang.entry('grade1').id,
      acceptDeclaration: true,
    });
    await parent.applications.chooseChannel.mutate({ applicationId, channelId: huishangang.channel('hukou').id });
    const otherCommunity = await refusal(parent.applications.save.mutate({ applicationId, fields: hukouForm(taohuajiang.community) }));
    expect(otherCommunity.data?.code).toBe('BAD_REQUEST');
    await parent.applications.save.mutate({ applicationId, fields: hukouForm(huishangang.community) });
    const otherSchools = await refusal(
      parent.applications.chooseSchools.mutate({
        applicationId,
        firstSchoolId: taohuajiang.primary[0]!.id,
        secondSchoolId: huishangang.primary[0]!.id,
        sibling: null,
      }),
    );
    expect(otherSchools.data?.code).toBe('BAD_REQUEST');
  });
});
