import type { Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { catalogFreshMs } from '../../src/services/catalog-cache';
import { parseConfig } from '../../worker/config';
import { type NodeHost, startNodeHost } from '../../worker/node-host';
import { startTestHost, type TestHost } from '../helpers/host';
import { signInStaff } from '../helpers/staff';

let t: TestHost;
let admin: EnrollmentClient;
let regionId: string;

beforeAll(async () => {
  t = await startTestHost({ now: '2024-07-20T10:00:00+08:00' });
  admin = await signInStaff(t, 'admin');
  regionId = (await t.client.catalog.regions.query())[0]!.id;
});
afterAll(() => t?.close());

const grade1 = async (client: EnrollmentClient) =>
  (await client.catalog.region.query({ regionId })).entries.find((e) => e.code === 'grade1')!;
const grade1Window = async () => (await admin.admin.windows.query()).find((w) => w.entryCode === 'grade1' && w.region === '桃花江镇')!;

/** Round trips the host's database client makes (each `execute` or `batch` is one). */
function countRoundTrips(client: Client) {
  let trips = 0;
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  client.execute = ((...args: Parameters<Client['execute']>) => {
    trips++;
    return execute(...args);
  }) as Client['execute'];
  client.batch = ((...args: Parameters<Client['batch']>) => {
    trips++;
    return batch(...args);
  }) as Client['batch'];
  return {
    take: () => {
      const taken = trips;
      trips = 0;
      return taken;
    },
    restore: () => {
      client.execute = execute;
      client.batch = batch;
    },
  };
}

describe('the catalog a host keeps in memory', () => {
  it('reads a region in one round trip, then none while it is fresh', async () => {
    const trips = countRoundTrips(t.host.deps.db.$client);
    try {
      const first = await t.client.catalog.region.query({ regionId });
      expect(trips.take()).toBe(1);
      expect(await t.client.catalog.region.query({ regionId })).toEqual(first);
      expect(trips.take()).toBe(0);
    } finally {
      trips.restore();
    }
  });

  it('keeps its copy through a reviewer’s write and drops it after an administrator’s: only they change the catalog', async () => {
    const cache = t.host.deps.catalog;
    const forget = cache.forget.bind(cache);
    let dropped = 0;
    cache.forget = () => {
      dropped++;
      forget();
    };
    try {
      await (await signInStaff(t, 'county')).review.signOut.mutate();
      expect(dropped).toBe(0);
      await (await signInStaff(t, 'admin')).review.signOut.mutate();
      expect(dropped).toBe(1);
    } finally {
      cache.forget = forget;
    }
  });

  it('opens the window at midnight by the clock, with no write and no new read of the catalog', async () => {
    t.clock.set('2024-07-14T23:59:59+08:00');
    expect((await grade1(t.client)).window.state).toBe('upcoming');
    t.clock.set('2024-07-15T00:00:00+08:00');
    expect((await grade1(t.client)).window.state).toBe('open');
    t.clock.set('2024-07-26T00:00:00+08:00');
    expect((await grade1(t.client)).window.state).toBe('closed');
    t.clock.set('2024-07-20T10:00:00+08:00');
  });

  it('shows parents on the same host an administrator’s change of a window and of a town at once', async () => {
    expect((await grade1(t.client)).window.closesAt).toBe('2024-07-25T16:00:00.000Z');
    const window = await grade1Window();
    await admin.admin.changeWindow.mutate({
      windowId: window.id,
      version: window.version,
      opensAt: '2024-07-15T00:00:00+08:00',
      closesAt: '2024-07-27T00:00:00+08:00',
    });
    expect((await grade1(t.client)).window.closesAt).toBe('2024-07-26T16:00:00.000Z');

    const [town] = (await admin.admin.regions.list.query()).filter((r) => r.id === regionId);
    expect((await t.client.catalog.region.query({ regionId })).contact.address).not.toBe('桃江县教育局新址');
    await admin.admin.regions.update.mutate({ regionId, version: town!.version, name: town!.name, address: '桃江县教育局新址' });
    expect((await t.client.catalog.region.query({ regionId })).contact.address).toBe('桃江县教育局新址');
  });

  describe('on a second host on the same database file', () => {
    let second: NodeHost;
    let parent: EnrollmentClient;

    beforeAll(async () => {
      const config = parseConfig({ PORT: '0', DATABASE_URL: `file:${t.dbFile}`, FILES_DIR: t.filesDir, ENROLL_DEV: '1' });
      second = await startNodeHost(config, { clock: t.clock, log: { info: () => {}, warn: () => {}, error: console.error } });
      parent = createEnrollmentClient({ url: second.url });
    });
    afterAll(() => second?.close());

    it(`shows an administrator’s change made through the first host within ${catalogFreshMs} ms`, async () => {
      const before = (await grade1(parent)).window.closesAt;
      const window = await grade1Window();
      await admin.admin.changeWindow.mutate({
        windowId: window.id,
        version: window.version,
        opensAt: '2024-07-15T00:00:00+08:00',
        closesAt: '2024-07-29T00:00:00+08:00',
      });
      const changedAt = performance.now();
      await expect
        .poll(async () => (await grade1(parent)).window.closesAt, { timeout: catalogFreshMs * 3, interval: 50 })
        .toBe('2024-07-28T16:00:00.000Z');
      expect(before).not.toBe('2024-07-28T16:00:00.000Z');
      expect(performance.now() - changedAt).toBeLessThan(catalogFreshMs + 500);
    });
  });
});
