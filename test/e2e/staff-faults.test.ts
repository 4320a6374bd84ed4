import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { documents } from '../../db/schema';
import { sha256Hex } from '../../src/services/file-hash';
import type { EnrollmentClient } from '../../src/client';
import { type Catalog, catalogFor, hukouForm, readyToSubmit } from '../helpers/journey';
import { signInParent } from '../helpers/parents';
import { samplePng } from '../helpers/sample-files';
import { staffToken } from '../helpers/staff';
import { onPhone, shot, shown } from './site';

const app = onPhone('2024-07-16T09:00:00+08:00', { desktop: true });

let c: Catalog;
type Submitted = { applicationId: string; number: string; parent: EnrollmentClient };
/** The application the queue lists first (submitted at the same instant, so by id), and the one after it. */
let first: Submitted;
let second: Submitted;

/** A submitted application whose documents have real bytes and their hash, as uploads leave them (all the same file). */
async function submitted(phone: string, birth: string, seq: string) {
  const t = app.testHost();
  const parent = await signInParent(t, phone);
  const { applicationId, version } = await readyToSubmit(t, parent, c, birth, seq);
  const { files, db } = t.host.deps;
  for (const doc of await db.query.documents.findMany({ where: (d, { eq }) => eq(d.applicationId, applicationId) })) {
    await files.put(doc.storageKey, samplePng, 'image/png');
  }
  await db
    .update(documents)
    .set({ sha256: await sha256Hex(samplePng) })
    .where(eq(documents.applicationId, applicationId));
  const { number } = await parent.applications.submit.mutate({ applicationId, version });
  return { applicationId, number, parent };
}

beforeAll(async () => {
  c = await catalogFor(app.testHost());
  const one = await submitted('13900000091', '20180801', '091');
  const two = await submitted('13900000092', '20180802', '092');
  [first, second] = one.applicationId < two.applicationId ? [one, two] : [two, one];
});

describe('a reviewer checks the documents, ticks what is at fault and moves on to the next application', () => {
  test('the viewer rotates and steps through the documents; 驳回 with faults and 保存并下一条 opens the next of the 审核中 queue', async () => {
    const { page, errors } = await app.openTab('desktop');
    try {
      await page.context().addCookies([{ name: 'enroll_staff', value: await staffToken(app.testHost(), 'county'), url: app.url('/') }]);
      await page.goto(app.url('/staff/queue?status=submitted&sort=submittedAt&order=asc'));
      await shown(page.getByText('共 2 条'));
      await page.locator('tr[data-row]', { hasText: first.number }).getByRole('link', { name: first.number }).click();
      await shown(page.getByRole('heading', { name: new RegExp(first.number), level: 1 }));

      // The viewer: large, beside the form values on a wide screen; rotate, then ←/→ between documents.
      const viewer = page.getByRole('region', { name: '材料查看' });
      await shown(viewer.getByText('第 1 / 5 份'));
      const image = viewer.locator('img.staff-viewer-image');
      await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      await viewer.getByRole('button', { name: '旋转90°' }).click();
      await expect.poll(() => image.getAttribute('data-rotation')).toBe('90');
      await viewer.getByRole('button', { name: '放大' }).click();
      await expect.poll(() => image.getAttribute('data-zoom')).toBe('1.25');
      await shot(page, 'staff-viewer-rotated', false);
      await page.keyboard.press('ArrowRight');
      await shown(viewer.getByText('第 2 / 5 份'));
      await expect.poll(() => image.getAttribute('data-rotation')).toBe('0');
      await viewer.getByRole('button', { name: '下一份' }).click();
      await shown(viewer.getByText('第 3 / 5 份'));
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await shown(viewer.getByText('第 5 / 5 份'));
      const viewerBox = (await viewer.boundingBox())!;
      const formBox = (await page.getByRole('region', { name: '表单信息' }).boundingBox())!;
      expect(viewerBox.x).toBeGreaterThan(formBox.x + formBox.width - 1);
      // The same file uploaded for several documents is flagged, and so is the same file in the other family's application.
      const flags = page.locator('.staff-doc').first().locator('.staff-doc-dup');
      await shown(flags.filter({ hasText: /^与「.+」为同一文件$/ }));
      await shown(flags.filter({ hasText: `同一文件也出现在其他报名中：${second.number}` }));

      // 驳回 with the field and the document at fault ticked, then 保存并下一条.
      await page.getByRole('radio', { name: '驳回' }).check();
      await page.getByLabel('驳回原因').fill('父亲姓名与户口簿不一致，户口簿页不清晰');
      await page.getByRole('checkbox', { name: '父亲姓名' }).check();
      await page.getByRole('checkbox', { name: '学生本人户口簿页' }).check();
      await shot(page, 'staff-faults-ticked', false);
      await page.getByRole('button', { name: '保存并下一条' }).click();
      await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(new RegExp(`/staff/applications/${second.applicationId}$`));
      await shown(page.getByRole('heading', { name: new RegExp(second.number), level: 1 }));
      await shown(page.getByText(`上一条 ${first.number} 已处理：已驳回。家长已收到通知。`));
      await shown(page.getByRole('region', { name: '材料查看' }).getByText('第 1 / 5 份'));

      const seen = await first.parent.applications.get.query({ applicationId: first.applicationId });
      expect(seen.faults).toEqual({ fields: ['fatherName'], documents: ['student-hukou'] });
      expect(seen.fixStep).toBe('form');

      // The family corrects the name and submits again: 驳回后重新提交 in the queue and on the page, with what changed.
      await first.parent.applications.save.mutate({
        applicationId: first.applicationId,
        fields: { ...hukouForm(c.community), fatherName: '李建军' },
      });
      const { version } = await first.parent.applications.get.query({ applicationId: first.applicationId });
      await first.parent.applications.submit.mutate({ applicationId: first.applicationId, version });
      await page.goto(app.url('/staff/queue'));
      await page.getByRole('checkbox', { name: '只看驳回后重新提交' }).check();
      await page.getByRole('button', { name: '查询' }).click();
      await page.waitForURL(/[?&]resubmitted=1/);
      await shown(page.getByText('共 1 条'));
      const row = page.locator('tr[data-row]', { hasText: first.number });
      await shown(row.getByText('驳回后重新提交'));
      await row.getByRole('link', { name: first.number }).click();
      const changes = page.getByRole('region', { name: '驳回后重新提交：与驳回时相比' });
      await shown(changes.getByText('父亲姓名：已修改'));
      await shown(changes.getByText('原为 李建国', { exact: false }));
      await shown(page.locator('.staff-detail-head').getByText('驳回后重新提交'));
      await shot(page, 'staff-resubmitted-changes');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
