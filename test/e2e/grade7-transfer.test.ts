import { beforeAll, describe, expect, test } from 'vitest';
import type { EnrollmentClient } from '../../src/client';
import { residentId } from '../helpers/identity';
import { onPhone, shot, shown } from './site';

// The browser's own report of the 400 that refuses a wrong 学籍号 (as the test means it) is expected.
const app = onPhone('2024-07-16T09:00:00+08:00', { ignoreFailedLoads: true });

let parent: EnrollmentClient;
let entryOf: (code: string) => string;

/** A child of the parent with a draft in the entry (`grade` for a transfer); returns the draft and the child's ID number. */
async function draftIn(code: string, name: string, born: string, seq: string, grade?: number) {
  const idNumber = residentId(born, seq);
  const child = await parent.children.add.mutate({ name, idType: 'resident', idNumber });
  const { applicationId } = await parent.applications.start.mutate({
    childId: child.id,
    entryId: entryOf(code),
    grade,
    acceptDeclaration: true,
  });
  return { applicationId, idNumber };
}

beforeAll(async () => {
  ({ client: parent } = await app.signInOnPhone('13900000091'));
  const [region] = await parent.catalog.regions.query();
  const { entries } = await parent.catalog.region.query({ regionId: region!.id });
  entryOf = (code) => entries.find((e) => e.code === code)!.id;
});

describe('grade 7 and transfers', () => {
  test('grade 7 asks which group the child is in before listing channels, and names the group with the channel chosen', async () => {
    const { applicationId, idNumber } = await draftIn('grade7', '孙初一', '20120301', '021');
    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/applications/${applicationId}/channel`));
      const groups = page.getByRole('group', { name: '请先选择孩子的情况' });
      await shown(groups);
      expect(await groups.getByRole('radio').count()).toBe(2);
      // No list of same-named channels before the group is known.
      expect(await page.getByRole('button', { name: '选择此通道' }).count()).toBe(0);
      await groups.getByRole('radio', { name: /^非县城小学毕业生/ }).check();
      await shown(page.getByRole('heading', { name: '非县城小学毕业生的报名通道' }));
      expect(await page.getByRole('heading', { name: '县城小学毕业生的报名通道', exact: true }).count()).toBe(0);
      await shot(page, 'grade7-channel-groups');
      const hukou = page.locator('.channel', { has: page.getByText('县城区常住户籍学生', { exact: true }) });
      await hukou.getByText('县城区常住户籍学生', { exact: true }).click();
      await hukou.getByRole('button', { name: '选择此通道' }).click();
      await page.waitForURL(/\/form$/);
      await shown(page.getByText('报名通道：非县城小学毕业生 · 县城区常住户籍学生'));

      await shown(page.getByRole('heading', { name: '学籍信息' }));
      await page.getByLabel('毕业小学').fill('桃江县修山镇中心小学');
      await page.getByLabel('毕业小学').blur();
      const number = page.getByLabel('学籍号');
      await number.fill(`G${residentId('20120302', '023')}`);
      await number.blur();
      await shown(page.getByText(/学籍号中的身份证号码与孩子的不一致/));
      await number.fill(`G${idNumber}`);
      await number.blur();
      await shown(page.getByText(`G${idNumber.slice(0, 6)}********${idNumber.slice(14)}`));
      await shot(page, 'grade7-form-schooling');
      expect(errors).toEqual([]);
    });
    const saved = await parent.applications.get.query({ applicationId });
    expect(saved.form).toMatchObject({
      primarySchool: '桃江县修山镇中心小学',
      studentNumber: `G${idNumber.slice(0, 6)}********${idNumber.slice(14)}`,
    });
    expect(saved.channel?.label).toBe('非县城小学毕业生 · 县城区常住户籍学生');
    expect(saved.missing.filter((m) => m.step === 'form').map((m) => m.field)).not.toContain('studentNumber');
  });

  test('a transfer asks for the current school, the 学籍号 and the reason, and cannot be submitted without them', async () => {
    const { applicationId } = await draftIn('transfer', '孙插班', '20150301', '041', 4);
    const { tracks } = await parent.catalog.channels.query({ entryId: entryOf('transfer') });
    const primary = tracks.find((t) => t.gradeMin <= 4 && t.gradeMax >= 4)!;
    await parent.applications.chooseChannel.mutate({ applicationId, channelId: primary.channels.find((c) => c.code === 'hukou')!.id });
    const missing = (await parent.applications.get.query({ applicationId })).missing.filter((m) => m.step === 'form');
    expect(missing.map((m) => m.label)).toEqual(expect.arrayContaining(['现就读学校', '学籍号', '转学原因']));
    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/applications/${applicationId}/form`));
      await shown(page.getByText('报名通道：小学插班生 · 县城区常住户籍学生'));
      const schooling = page.locator('.form-card', { has: page.getByRole('heading', { name: '学籍信息' }) });
      await shown(schooling.getByLabel('现就读学校'));
      await shown(schooling.getByLabel('学籍号'));
      await shown(schooling.getByLabel('转学原因'));
      expect(errors).toEqual([]);
    });
  });
});
