import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EnrollmentClient } from '../../src/client';
import { sharedReads } from '../../src/domain/shared-answer';
import { startTestHost, type TestHost } from '../helpers/host';
import { parentToken } from '../helpers/parents';
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
// Each test starts from answers made afresh: an administrator's change drops every kept one.
beforeEach(() => t.host.deps.catalog.forget());

/** A GET of `paths` with `inputs`, as the parents' page sends it (httpBatchLink). */
const batchUrl = (paths: string[], inputs: unknown[]) =>
  `${t.url}/trpc/${paths.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, input]))))}`;
const regionUrl = () => batchUrl(['catalog.region'], [{ regionId }]);

/** A GET and what a repeat of it shows: an `Age` header is an answer given from memory. */
async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

const grade1State = (body: string) =>
  (JSON.parse(body) as [{ result: { data: { entries: { code: string; window: { state: string } }[] } } }])[0].result.data.entries.find(
    (e) => e.code === 'grade1',
  )!.window.state;

describe('public catalog answers shared for a second (decision 037)', () => {
  it('says anyone may keep catalog.region for a second, and gives the same answer from memory meanwhile, aged so that no cache downstream keeps it longer', async () => {
    const first = await get(regionUrl());
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=1');
    expect(first.headers.get('age')).toBeNull();
    const again = await get(regionUrl());
    expect(again.headers.get('age')).toBe('1');
    expect(again.headers.get('cache-control')).toBe('public, max-age=1');
    expect(again.headers.get('vary')).toBe(first.headers.get('vary'));
    expect(again.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(again.body).toBe(first.body);
  });

  it('shares every read the parents’ page sends on its own, also as a single call as that page sends it', async () => {
    const region = await t.client.catalog.region.query({ regionId });
    const entryId = region.entries.find((e) => e.code === 'grade1')!.id;
    const inputs: Record<string, unknown> = {
      'catalog.region': { regionId },
      'catalog.channels': { entryId },
      'catalog.pages': { regionId },
    };
    expect(Object.keys(inputs)).toEqual([...sharedReads]);
    for (const path of sharedReads) {
      for (const url of [
        batchUrl([path], [inputs[path]]),
        `${t.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(inputs[path]))}`,
      ]) {
        expect((await get(url)).headers.get('cache-control')).toBe('public, max-age=1');
        expect((await get(url)).headers.get('age')).toBe('1');
      }
    }
  });

  it('makes the answer again after a second', async () => {
    await get(regionUrl());
    await new Promise((done) => setTimeout(done, 1050));
    expect((await get(regionUrl())).headers.get('age')).toBeNull();
  });

  it('shows an administrator’s change on the next read', async () => {
    await get(regionUrl());
    expect((await get(regionUrl())).headers.get('age')).toBe('1');
    const [town] = (await admin.admin.regions.list.query()).filter((r) => r.id === regionId);
    await admin.admin.regions.update.mutate({ regionId, version: town!.version, name: town!.name, address: '桃江县教育局二楼' });
    const after = await get(regionUrl());
    expect(after.headers.get('age')).toBeNull();
    expect(after.body).toContain('桃江县教育局二楼');
  });

  it('does not share an answer within a second of a window opening, and opens it on time', async () => {
    try {
      t.clock.set('2024-07-14T23:59:59.500+08:00');
      const late = await get(regionUrl());
      expect(grade1State(late.body)).toBe('upcoming');
      expect(late.headers.get('cache-control')).toBe('no-store');
      expect((await get(regionUrl())).headers.get('age')).toBeNull();

      t.clock.set('2024-07-14T23:59:58+08:00');
      expect(grade1State((await get(regionUrl())).body)).toBe('upcoming');
      t.clock.set('2024-07-15T00:00:00+08:00');
      const opened = await get(regionUrl());
      expect(opened.headers.get('age')).toBeNull();
      expect(grade1State(opened.body)).toBe('open');
    } finally {
      t.clock.set('2024-07-20T10:00:00+08:00');
    }
  });

  it('never shares a batch with a call that did not declare its answer shareable', async () => {
    const url = batchUrl(['catalog.region', 'catalog.regions'], [{ regionId }, undefined]);
    const mixed = await get(url);
    expect(mixed.status).toBe(200);
    expect(mixed.headers.get('cache-control')).toBe('no-store');
    expect((await get(url)).headers.get('age')).toBeNull();
  });

  it('never shares a refusal', async () => {
    const url = batchUrl(['catalog.region'], [{ regionId: 'abcdefghij234567klmn' }]);
    const refused = await get(url);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect((await get(url)).headers.get('age')).toBeNull();
  });

  it('never shares a parent’s own answers, even with the same address', async () => {
    const token = await parentToken(t, '13700137990');
    const url = batchUrl(['children.list'], [undefined]);
    for (let i = 0; i < 2; i++) {
      const mine = await get(url, { authorization: `Bearer ${token}` });
      expect(mine.status).toBe(200);
      expect(mine.headers.get('cache-control')).toBe('no-store');
      expect(mine.headers.get('age')).toBeNull();
    }
    expect((await get(url)).status).toBe(401);
  });

  it('runs the procedure for a caller that negotiates tRPC’s streamed form, what the answer varies by', async () => {
    await get(regionUrl());
    const streamed: Record<string, string>[] = [{ 'trpc-accept': 'application/jsonl' }, { accept: 'text/html, application/jsonl' }];
    for (const headers of streamed) {
      expect((await get(regionUrl(), headers)).headers.get('age')).toBeNull();
    }
    expect((await get(regionUrl(), { accept: 'application/json' })).headers.get('age')).toBe('1');
  });

  it('gives every one of many concurrent first readers the same answer', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => get(regionUrl())));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });
});
