import { createClient } from '@libsql/client/web';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWhenShed } from '../../db/fetch-when-shed';
import { isDatabaseUnavailable } from '../../src/api/errors';

// A libSQL server that takes the request and never answers, as sqld does once its connection threads are wedged.
let silent: Server;
let url: string;
const held: unknown[] = [];

beforeAll(async () => {
  silent = createServer((request) => {
    held.push(request);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe("the Worker's database fetch against a server that never answers", () => {
  it('gives up at its deadline with an error the API answers 503, instead of waiting for ever', async () => {
    const client = createClient({ url, fetch: fetchWhenShed({ deadlineMs: 500 }) });
    const started = Date.now();
    const error = await client.execute('select 1').then(
      () => undefined,
      (e: unknown) => e,
    );
    const elapsed = Date.now() - started;
    client.close();
    expect(error).toBeDefined();
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(held.length).toBeGreaterThanOrEqual(1);
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(5_000);
  }, 20_000);
});
