import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollmentClient } from '../../src/client';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Catalog, catalogFor } from '../helpers/journey';
import { refusal } from '../helpers/refusal';
import { signInStaff } from '../helpers/staff';

let t: TestHost;
let c: Catalog;
let county: EnrollmentClient;
let school: EnrollmentClient;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-08-20T09:00:00+08:00' });
  c = await catalogFor(t);
  county = await signInStaff(t, 'county');
  school = await signInStaff(t, 'school');
});
afterAll(() => t?.close());

const grade1 = () => ({ seasonId: c.region.season.id, entryId: c.entry('grade1').id, grade: 1 });

describe('学位预警 on the desk', () => {
  it('offers the county every published season with its entry-and-grade columns', async () => {
    const { seasons } = await county.review.demandColumns.query();
    const regions = await t.client.catalog.regions.query();
    expect(seasons.length).toBeGreaterThanOrEqual(regions.length);
    const own = seasons.find((s) => s.id === c.region.season.id)!;
    expect(own.columns).toContainEqual({ entryId: c.entry('grade1').id, grade: 1, label: expect.stringContaining('一年级') });
    expect((await county.admin.placement.seatDemand.query(grade1())).schools.length).toBeGreaterThan(1);
  });

  it('offers a school reviewer only the seasons and columns where their school has places, and only their row', async () => {
    const { seasons } = await school.review.demandColumns.query();
    expect(seasons.map((s) => s.id)).toEqual([c.region.season.id]);
    expect(seasons[0]!.columns.length).toBeGreaterThan(0);
    const all = (await county.review.demandColumns.query()).seasons.find((s) => s.id === c.region.season.id)!;
    expect(seasons[0]!.columns.length).toBeLessThan(all.columns.length);
    const rows = (await school.admin.placement.seatDemand.query(grade1())).schools;
    expect(rows.map((r) => r.name)).toEqual(['桃江县实验小学']);
  });

  it('is refused to anyone not signed in as staff', async () => {
    expect((await refusal(t.client.review.demandColumns.query())).data?.code).toBe('UNAUTHORIZED');
  });
});
