import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { applications, schoolPlaces, seasonSchools } from '../../db/schema';
import type { ManualClock } from '../../src/adapters/clock';
import { commitmentOf } from '../../src/domain/placement/lottery';
import { parentWithApplication } from '../helpers/applications-db';
import { catalogFor } from '../helpers/journey';
import { signInStaff } from '../helpers/staff';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-07-20T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });
const secrets: Record<string, string> = { 甲: 'observer-one-1234567890', 乙: 'observer-two-0987654321' };

describe('统筹安排 on the desk', () => {
  test('the two children whose schools were both full are listed with schools that have seats; one is placed', async () => {
    const host = app.testHost();
    const { db } = app.site().host.deps;
    const c = await catalogFor(host);
    let admin = await signInStaff(host, 'admin');
    for (const name of Object.keys(secrets)) {
      await admin.admin.placement.recordCommitment.mutate({
        seasonId: c.region.season.id,
        name,
        role: '监督人',
        commitment: await commitmentOf(secrets[name]!),
      });
    }
    for (const school of [c.primary[0]!, c.primary[1]!]) {
      const [offer] = await db.select().from(seasonSchools).where(eq(seasonSchools.schoolId, school.id));
      await db.update(schoolPlaces).set({ places: 1 }).where(eq(schoolPlaces.seasonSchoolId, offer!.id));
    }
    (host.clock as ManualClock).set('2024-08-20T09:00:00+08:00');
    admin = await signInStaff(host, 'admin');
    for (let i = 0; i < 4; i++) {
      const { applicationId } = await parentWithApplication(db, {
        phone: `1370000080${i}`,
        now: host.clock.now(),
        status: 'school_approved',
      });
      await db
        .update(applications)
        .set({ community: c.community, firstSchoolId: c.primary[0]!.id, secondSchoolId: c.primary[1]!.id })
        .where(eq(applications.id, applicationId));
    }
    const { observers } = await admin.admin.placement.observers.query({ seasonId: c.region.season.id });
    for (const o of observers) await admin.admin.placement.reveal.mutate({ observerId: o.id, contribution: secrets[o.name]! });
    const drawn = await admin.admin.placement.draw.mutate({ seasonId: c.region.season.id, entryId: c.entry('grade1').id, grade: 1 });
    await admin.admin.placement.publishResults.mutate({ drawId: drawn.id });
    const [first] = await admin.admin.placement.unplaced.query({ seasonId: c.region.season.id });

    const { page, errors } = await app.openTab('desktop');
    try {
      await page.goto(app.url('/staff?from=%2Fstaff%2Fadmin%2Fplacement'));
      await signInOnDesk(page);
      await page.getByLabel('招生季').selectOption({ label: '桃花江镇 · 2024年秋季' });
      const section = page.getByRole('region', { name: '统筹安排' });
      await shown(section.getByRole('row', { name: new RegExp(first!.number) }));
      expect(await section.getByRole('row').count()).toBe(3);
      await expectAccessible(page, '统筹安排');
      const row = section.getByRole('row', { name: new RegExp(first!.number) });
      await row.getByRole('button', { name: '安排' }).click();
      await shown(page.getByRole('status').filter({ hasText: `已将 ${first!.number} 安排到「${first!.suggestions[0]!.name}」` }));
      await expect.poll(() => section.getByRole('row').count()).toBe(2);
      await shot(page, 'placement-unplaced');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
