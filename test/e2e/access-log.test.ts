import { beforeAll, describe, expect, test } from 'vitest';
import type { EnrollmentClient } from '../../src/client';
import { type Catalog, catalogFor, readyToSubmit } from '../helpers/journey';
import { onPhone, shot, shown, signInOnDesk } from './site';

// The seeded window: 2024-07-15 00:00 to 2024-07-25 24:00 China time; the clock stands inside it.
const app = onPhone('2024-07-16T09:00:00+08:00', { desktop: true, ignoreFailedLoads: true });
const demoSchoolName = '桃江县实验小学';

let parent: EnrollmentClient;
let c: Catalog;

beforeAll(async () => {
  c = await catalogFor(app.testHost());
  ({ client: parent } = await app.signInOnPhone('13900000151'));
});

describe('查阅记录: a parent sees who opened their application', () => {
  test('a school reviewer opens the application on the desk; the parent then sees it by role and school, no name', async () => {
    const demo = c.primary.find((s) => s.name === demoSchoolName)!;
    const other = c.primary.find((s) => s.name !== demoSchoolName)!;
    const { applicationId, version } = await readyToSubmit(app.testHost(), parent, c, '20180301', '151', [demo.id, other.id]);
    await parent.applications.submit.mutate({ applicationId, version });

    const desk = await app.openTab('desktop');
    try {
      await desk.page.goto(app.url(`/staff?from=${encodeURIComponent(`/staff/applications/${applicationId}`)}`));
      await signInOnDesk(desk.page, 'school');
      await desk.page.waitForURL(new RegExp(`/staff/applications/${applicationId}$`));
      await shown(desk.page.getByRole('heading', { level: 1 }));
    } finally {
      await desk.page.close();
    }

    await app.inTab(async (page, errors) => {
      await page.goto(app.url(`/applications/${applicationId}/progress`));
      await shown(page.getByRole('heading', { name: '报名进度', level: 1 }));
      await page.getByRole('link', { name: '查阅记录：谁查看过这份报名' }).click();
      await shown(page.getByRole('heading', { name: '查阅记录', level: 1 }));
      const entry = page.locator('.access-log li').first();
      await shown(entry.getByText('查看报名详情'));
      await shown(entry.getByText(`${demoSchoolName} 学校审核员`));
      const body = await page.locator('body').innerText();
      expect(body).not.toContain('（演示）');
      await shot(page, 'access-log');
      expect(errors).toEqual([]);
    });
  });
});
