import { beforeAll, describe, expect, test } from 'vitest';
import type { EnrollmentClient } from '../../src/client';
import { type Catalog, catalogFor, readyToSubmit } from '../helpers/journey';
import { signInStaff } from '../helpers/staff';
import { onPhone, shot, shown } from './site';

// The seeded window: 2024-07-15 00:00 to 2024-07-25 24:00 China time; the clock stands inside it.
const app = onPhone('2024-07-16T09:00:00+08:00');

const reason = '父亲姓名与户口簿不一致，学生户口簿页不清晰';
let parent: EnrollmentClient;
let county: EnrollmentClient;
let c: Catalog;

async function rejected(birth: string, seq: string, faults: { fields: string[]; documents: string[] }) {
  const t = app.testHost();
  const { applicationId, version } = await readyToSubmit(t, parent, c, birth, seq);
  await parent.applications.submit.mutate({ applicationId, version });
  await county.review.reject.mutate({ applicationId, reason, faults });
  return applicationId;
}

beforeAll(async () => {
  const t = app.testHost();
  c = await catalogFor(t);
  ({ client: parent } = await app.signInOnPhone('13900000081'));
  county = await signInStaff(t, 'county');
});

describe('a rejected parent sees what the reviewer marked, on every step', () => {
  test('去修改 on the home card opens the step the faults concern; each step shows the 驳回原因 and marks 需修改', async () => {
    const applicationId = await rejected('20180701', '081', { fields: ['fatherName'], documents: ['student-hukou'] });
    await app.inTab(async (page, errors) => {
      await page.goto(app.url('/'));
      const card = page.getByRole('region', { name: '李小明的报名被驳回，请修改后重新提交' });
      await shown(card);
      await card.getByRole('link', { name: '去修改' }).click();

      // The form step opens first: the field at fault is marked.
      await shown(page.getByRole('heading', { name: '填写报名资料', level: 1 }));
      const banner = page.getByRole('status', { name: '报名被驳回，请按以下原因修改后重新提交' });
      await shown(banner.getByText(`驳回原因：${reason}`));
      await shown(banner.getByText('需修改：父亲姓名'));
      const marked = page.locator('.field', { has: page.locator('.needs-fix') });
      expect(await marked.count()).toBe(1);
      await shown(marked.getByText('父亲姓名'));
      await shot(page, 'rejection-form-step');

      // The banner links to the other step with a fault: the document at fault is marked there.
      await banner.getByRole('link', { name: '上传材料' }).click();
      await shown(page.getByRole('heading', { name: '上传证明材料', level: 1 }));
      await shown(page.getByText(`驳回原因：${reason}`));
      const row = page.locator('.doc-row', { has: page.locator('.needs-fix') });
      expect(await row.count()).toBe(1);
      await shown(row.getByText('学生本人户口簿页'));
      await shot(page, 'rejection-documents-step');

      // The other edit steps say why, too.
      for (const [step, title] of [
        ['channel', '选择报名通道'],
        ['schools', '选择报读学校'],
      ] as const) {
        await page.goto(app.url(`/applications/${applicationId}/${step}`));
        await shown(page.getByRole('heading', { name: title, level: 1 }));
        await shown(page.getByText(`驳回原因：${reason}`));
      }
      expect(errors).toEqual([]);
    });
  });

  test('with only a document at fault, 修改报名资料 on 报名进度 (a cold load) opens 上传材料', async () => {
    const applicationId = await rejected('20180702', '082', { fields: [], documents: ['father-hukou'] });
    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/applications/${applicationId}/progress`));
      await shown(page.getByRole('heading', { name: '报名进度', level: 1 }));
      await page.getByRole('link', { name: '修改报名资料', exact: true }).click();
      await shown(page.getByRole('heading', { name: '上传证明材料', level: 1 }));
      await shown(page.locator('.doc-row', { has: page.locator('.needs-fix') }).getByText('父亲户口簿页'));
      expect(await page.locator('.field .needs-fix').count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });
});
