import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/adapters/clock';
import { createEnrollmentClient } from '../../src/client';
import { parseConfig } from '../../worker/config';
import { startNodeHost, type NodeHost } from '../../worker/node-host';
import { type Sqld, startSqld } from '../../worker/sqld';
import { refusal } from '../helpers/refusal';
import { tempDir } from '../helpers/temp';

const dir = tempDir('db-unavailable');
let sqld: Sqld;
let host: NodeHost;
const errors: unknown[][] = [];

beforeAll(async () => {
  sqld = await startSqld({ dbPath: `${dir.path}/sqld` });
  const config = parseConfig({ PORT: '0', DATABASE_URL: sqld.url, FILES_DIR: `${dir.path}/files`, ENROLL_DEV: '1' });
  host = await startNodeHost(config, {
    clock: manualClock('2024-07-20T10:00:00+08:00'),
    log: {
      info: () => {},
      warn: () => {},
      error: (...a: unknown[]) => {
        errors.push(a);
      },
    },
  });
}, 60_000);
afterAll(async () => {
  await host?.close();
  await sqld?.stop();
  dir.remove();
});

describe('the Node host over a libSQL server that goes away', () => {
  it('answers 503 SERVICE_UNAVAILABLE in Chinese while the database is unreachable, and serves again once it is back', async () => {
    const client = createEnrollmentClient({ url: host.url });
    expect((await client.catalog.regions.query()).length).toBeGreaterThan(0);
    const port = Number(new URL(sqld.url).port);
    await sqld.kill();

    const error = await refusal(client.catalog.regions.query());
    expect(error.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503 });
    expect(error.message).toBe('系统暂时无法处理请求，请稍后重试；已成功提交的信息不会丢失');
    const write = await refusal(client.auth.requestCode.mutate({ phone: '13800138000' }));
    expect(write.data?.code).toBe('SERVICE_UNAVAILABLE');
    expect((await fetch(`${host.url}/api/health`)).status).toBe(503);

    sqld = await startSqld({ dbPath: `${dir.path}/sqld`, port });
    await expect.poll(async () => (await fetch(`${host.url}/api/health`)).status, { timeout: 10_000, interval: 100 }).toBe(200);
    expect((await client.catalog.regions.query()).length).toBeGreaterThan(0);
  });
});
