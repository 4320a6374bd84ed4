import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { applications, propertyLocks, verificationChecks } from '../../db/schema';
import { lockedPropertySummary } from '../../src/domain/property-lock';
import { parentWithApplication } from '../helpers/applications-db';
import { catalogFor } from '../helpers/journey';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-07-20T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });
const certificate = '湘(2021)桃江县不动产权第0006180号';

describe('一房一位 on the review desk', () => {
  test('a reviewer sees the earlier admission of the property in the detail, the child masked, and the marker in the queue', async () => {
    const host = app.testHost();
    const { db } = app.site().host.deps;
    const c = await catalogFor(host);
    const now = host.clock.now();

    // An earlier admission through the property channel, its property locked until 2030-08-01.
    const earlier = await parentWithApplication(db, { phone: '13700000901', now, channel: 'property', status: 'admitted' });
    await db.insert(propertyLocks).values({
      id: 'e2e-property-lock',
      certificateKey: certificate,
      applicationId: earlier.applicationId,
      schoolId: c.primary[0]!.id,
      lockedAt: new Date('2024-08-01T09:00:00+08:00'),
      lockedUntil: new Date('2030-08-01T09:00:00+08:00'),
    });
    const [{ number: earlierNumber }] = (await db
      .select({ number: applications.number })
      .from(applications)
      .where(eq(applications.id, earlier.applicationId))) as [{ number: string }];

    // A later application whose property check found that certificate locked (as the check stores it).
    const later = await parentWithApplication(db, { phone: '13700000902', now, channel: 'property', status: 'submitted' });
    await db.update(applications).set({ verification: 'manual', submittedAt: now }).where(eq(applications.id, later.applicationId));
    await db.insert(verificationChecks).values({
      id: 'e2e-property-check',
      applicationId: later.applicationId,
      claim: 'property',
      result: 'manual',
      summary: lockedPropertySummary,
      values: {
        properties: [{ community: '花果山社区', registeredOn: '2021-06-18', certificateNumber: certificate }],
        certificateKey: certificate,
        locked: true,
      },
      source: 'local',
      checkedAt: now,
    });
    const [{ number: laterNumber }] = (await db
      .select({ number: applications.number })
      .from(applications)
      .where(eq(applications.id, later.applicationId))) as [{ number: string }];

    const { page, errors } = await app.openTab('desktop');
    try {
      await page.goto(app.url('/staff?from=%2Fstaff%2Fqueue%3Flocked%3D1'));
      await signInOnDesk(page, 'county');
      const row = page.getByRole('row', { name: new RegExp(laterNumber) });
      await shown(row);
      await shown(row.getByText('一房一位'));
      await expect.poll(() => page.getByRole('row', { name: new RegExp(earlierNumber) }).count()).toBe(0);
      await shown(page.getByRole('checkbox', { name: '只看房产在一房一位锁定期内' }));
      expect(await page.getByRole('checkbox', { name: '只看房产在一房一位锁定期内' }).isChecked()).toBe(true);

      await page.goto(app.url(`/staff/applications/${later.applicationId}`));
      const warning = page.getByRole('note', { name: '一房一位：该房产在锁定期内' });
      await shown(warning);
      await expect
        .poll(() => warning.textContent())
        .toBe(`该房产已于 2024-08-01 用于 ${c.primary[0]!.name} 入学（测**童，报名编号 ${earlierNumber}），锁定至 2030-08-01`);
      await shown(page.getByText(lockedPropertySummary));
      // The check's record values read across the panel, not one character per line.
      const used = page.locator('.staff-check-values dt', { hasText: '所用房产' }).locator('xpath=following-sibling::dd[1]');
      await shown(used);
      expect((await used.boundingBox())!.height).toBeLessThan(48);
      await expectAccessible(page, '一房一位');
      await shot(page, 'property-lock-detail');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('an administrator sets the lock years with the placement rules; families read the rule on the placement page', async () => {
    const [region] = await app.testHost().client.catalog.regions.query();
    const desk = await app.openTab('desktop');
    const phone = await app.openTab();
    try {
      const { page } = desk;
      // Whoever signed in on this desktop before (the reviewer of the test above) is forgotten.
      await page.context().clearCookies();
      await page.goto(app.url('/staff?from=%2Fstaff%2Fadmin%2Fplacement'));
      await signInOnDesk(page);
      await page.getByLabel('招生季').selectOption({ label: '桃花江镇 · 2024年秋季' });
      const years = page.getByLabel('一房一位：房产锁定年限（0 为不锁定）');
      await shown(years);
      await expect.poll(() => years.inputValue()).toBe('6');
      await years.fill('3');
      await page.getByRole('region', { name: '录取顺位' }).getByRole('button', { name: '保存', exact: true }).click();
      await shown(page.getByRole('status').filter({ hasText: '派位规则已保存' }));
      await expectAccessible(page, '一房一位年限');

      await phone.page.goto(app.url(`/regions/${region!.id}/placement`));
      await shown(phone.page.getByRole('heading', { name: '一房一位', level: 2 }));
      await shown(phone.page.getByText('通过房产入学的，该房产 3 年内不能再用于其他子女入学。'));
      await shot(phone.page, 'property-lock-public-rule');
      expect([...desk.errors, ...phone.errors]).toEqual([]);
    } finally {
      await desk.page.close();
      await phone.page.close();
    }
  });
});
