import { describe, expect, test } from 'vitest';
import { catalogFor } from '../helpers/journey';
import { drawRoundOne } from '../helpers/round-one';
import { expectAccessible } from './axe';
import { onPhone, shot, shown, signInOnDesk } from './site';

// Before sign-in the desk asks who is signed in and gets a 401; the browser logs that failed load.
const app = onPhone('2024-07-20T10:00:00+08:00', { desktop: true, ignoreFailedLoads: true });

describe('统筹安排 on the desk', () => {
  test('the two children whose schools were both full are listed with schools that have seats; one is placed', async () => {
    const host = app.testHost();
    const c = await catalogFor(host);
    const { admin, drawId } = await drawRoundOne(host, c, '1370000080');
    const drawn = { id: drawId };
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
