import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { applications, schoolPlaces, schools, seasonSchools } from '../../db/schema';
import { parentWithApplication } from '../helpers/applications-db';
import { catalogFor } from '../helpers/journey';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-07-20T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

describe('学位预警 for every staff role', () => {
  test('a school reviewer opens 学位预警 from the nav and reads their own school’s level in words', async () => {
    const host = app.testHost();
    const { db } = app.site().host.deps;
    const c = await catalogFor(host);
    const [own] = await db.select().from(schools).where(eq(schools.name, '桃江县实验小学'));
    const [offer] = await db.select().from(seasonSchools).where(eq(seasonSchools.schoolId, own!.id));
    await db.update(schoolPlaces).set({ places: 2 }).where(eq(schoolPlaces.seasonSchoolId, offer!.id));
    const firstChoice = async (i: number) => {
      const { applicationId } = await parentWithApplication(db, { phone: `1370000090${i}`, now: host.clock.now(), status: 'submitted' });
      await db
        .update(applications)
        .set({ community: c.community, firstSchoolId: own!.id, secondSchoolId: null })
        .where(eq(applications.id, applicationId));
    };
    for (let i = 0; i < 3; i++) await firstChoice(i);

    const { page, errors } = await app.openTab('desktop');
    try {
      await page.goto(app.url('/staff'));
      await signInOnDesk(page, 'school');
      await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: '学位预警' }).click();
      await shown(page.getByRole('heading', { name: '学位预警', level: 1 }));
      const row = page.getByRole('row', { name: /桃江县实验小学/ });
      await shown(row);
      await expect.poll(() => row.textContent()).toMatch(/桃江县实验小学23.*红色未公布/);
      expect(await page.getByRole('row').count()).toBe(2);
      await expectAccessible(page, '学位预警');
      await shot(page, 'seat-demand-desk');
      await firstChoice(3);
      await page.getByRole('button', { name: '刷新' }).click();
      await expect.poll(() => row.textContent()).toMatch(/桃江县实验小学24/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
