import { beforeAll, describe, expect, test } from 'vitest';
import type { EnrollmentClient } from '../../src/client';
import { residentId } from '../helpers/identity';
import { until } from '../helpers/until';
import { onPhone, shown } from './site';

const app = onPhone('2024-07-16T09:00:00+08:00');
let parent: EnrollmentClient;
let children = 0;

beforeAll(async () => {
  ({ client: parent } = await app.signInOnPhone('13900000081'));
});

/** A draft on the hukou channel, its form still empty. */
async function draft(): Promise<string> {
  const [region] = await parent.catalog.regions.query();
  const entry = (await parent.catalog.region.query({ regionId: region!.id })).entries.find((e) => e.code === 'grade1')!;
  const hukou = (await parent.catalog.channels.query({ entryId: entry.id })).tracks[0]!.channels.find((c) => c.code === 'hukou')!;
  const child = await parent.children.add.mutate({
    name: '李不丢',
    idType: 'resident',
    idNumber: residentId('20180301', `08${children++}`),
  });
  const { applicationId } = await parent.applications.start.mutate({ childId: child.id, entryId: entry.id, acceptDeclaration: true });
  await parent.applications.chooseChannel.mutate({ applicationId, channelId: hukou.id });
  return applicationId;
}

const addressOf = async (applicationId: string) => (await parent.applications.get.query({ applicationId })).form.address;

describe('typing in the form, then leaving at once', () => {
  test('keeps what was typed when the parent goes to another page within the typing pause', () =>
    app.inTab(async (page, errors) => {
      const applicationId = await draft();
      await page.goto(app.url(`/applications/${applicationId}/form`));
      await shown(page.getByRole('heading', { name: '填写报名资料', level: 1 }));
      await page.getByLabel('详细住址').fill('桃花江镇资江路1号');
      await page.goto(app.url('/'));
      expect(await until('the address saved', async () => (await addressOf(applicationId)) === '桃花江镇资江路1号' || undefined)).toBe(
        true,
      );
      expect(errors).toEqual([]);
    }));

  test('keeps what was typed when the parent closes the tab within the typing pause', async () => {
    const applicationId = await draft();
    const { page } = await app.openTab();
    await page.goto(app.url(`/applications/${applicationId}/form`));
    await shown(page.getByRole('heading', { name: '填写报名资料', level: 1 }));
    await page.getByLabel('详细住址').fill('桃花江镇资江路2号');
    await page.close({ runBeforeUnload: true });
    expect(await until('the address saved', async () => (await addressOf(applicationId)) === '桃花江镇资江路2号' || undefined)).toBe(true);
  });
});
