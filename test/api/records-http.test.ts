import { afterEach, describe, expect, it } from 'vitest';
import { type AuthorityRecords, RecordsError, RecordsUnavailableError } from '../../src/adapters/records';
import { edgeCaseKeys, edgeCases, type SyntheticPerson, syntheticDataset } from '../../src/adapters/records-dataset';
import { recordsFromConfig } from '../../src/adapters/records-from-config';
import { httpRecords, httpRecordsWorstCaseMs } from '../../src/adapters/records-http';
import { localRecords } from '../../src/adapters/records-local';
import { type FakeRecordsUpstream, type FakeRecordsUpstreamOptions, startFakeRecordsUpstream } from '../helpers/fake-records-upstream';
import { freePort } from '../helpers/ports';

/**
 * The `http` records adapter against a real local HTTP service (test/helpers/fake-records-upstream.ts) that serves
 * the seeded dataset, and fails, stalls, drops and garbles on demand. No app and no database: this is the adapter's
 * own contract; the checks that use it are tested with the application.
 */
const apiKey = 'test-records-key';
/**
 * Short, so that stalled calls keep the test fast (the fake stalls three times as long), yet long enough for an
 * answer on a busy machine. Tests without stalls use a long timeout so that a slow machine does not fail them.
 */
const timeoutMs = 400;
const patientMs = 10_000;
const retryDelayMs = 20;
const local = localRecords();
let upstream: FakeRecordsUpstream | undefined;
/** Every error message the adapter produced: none may carry a name or an ID number. */
const messages: string[] = [];

afterEach(async () => {
  await upstream?.close();
  upstream = undefined;
});

async function start(options: Omit<FakeRecordsUpstreamOptions, 'key'> = {}): Promise<FakeRecordsUpstream> {
  upstream = await startFakeRecordsUpstream({ key: apiKey, stallMs: timeoutMs * 3, ...options });
  return upstream;
}

const client = (url: string, options: { key?: string; retries?: number; timeoutMs?: number } = {}) =>
  httpRecords({ url, key: options.key ?? apiKey, timeoutMs: options.timeoutMs ?? timeoutMs, retryDelayMs, retries: options.retries });

/** The call's error (and keeps its message), or fails when it resolves. */
async function failure(promise: Promise<unknown>): Promise<RecordsError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RecordsError);
    messages.push((error as Error).message);
    return error as RecordsError;
  }
  throw new Error('expected the call to fail');
}

/** Every operation of the contract about one family. */
async function allAbout(records: AuthorityRecords, people: { father: SyntheticPerson; mother: SyntheticPerson; child: SyntheticPerson }) {
  const { father, mother, child } = people;
  const each = async (p: SyntheticPerson) => ({
    identity: await records.identity({ name: p.name, idNumber: p.idNumber }),
    hukou: await records.hukou(p.idNumber),
    pension: await records.pension(p.idNumber),
    licences: await records.businessLicences(p.idNumber),
    publicServant: await records.publicServant(p.idNumber),
  });
  return {
    father: await each(father),
    mother: await each(mother),
    child: await each(child),
    properties: await records.properties([father.idNumber, mother.idNumber]),
  };
}

describe('authority records over HTTP', () => {
  it('answers exactly what the local adapter answers, for every edge case and a sample of families', async () => {
    const fake = await start();
    const http = client(fake.url, { timeoutMs: patientMs });
    for (const key of edgeCaseKeys) {
      const c = edgeCases[key];
      const viaHttp = await allAbout(http, c);
      expect(viaHttp, key).toEqual(await allAbout(local, c));
      for (const g of c.grandparents ?? []) expect(await http.hukou(g.idNumber)).toEqual(await local.hukou(g.idNumber));
    }
    // What the cases are about arrives intact.
    const { nameMismatch, noRecords, pension12Months, pension11Months, hukouBeforeCutoff, licenceOnCutoff } = edgeCases;
    expect(await http.identity({ name: nameMismatch.child.name, idNumber: nameMismatch.child.idNumber })).toEqual({
      result: 'name_mismatch',
    });
    expect(await http.identity({ name: noRecords.child.name, idNumber: noRecords.child.idNumber })).toEqual({ result: 'not_found' });
    expect(await http.hukou(noRecords.child.idNumber)).toBeNull();
    expect((await http.hukou(hukouBeforeCutoff.child.idNumber))?.registeredOn).toBe('2024-02-29');
    expect(await http.pension(pension12Months.father.idNumber)).toMatchObject({ firstPaidOn: '2023-08-01', months: 12 });
    expect(await http.pension(pension11Months.father.idNumber)).toMatchObject({ firstPaidOn: '2023-09-01', months: 11 });
    expect((await http.businessLicences(licenceOnCutoff.father.idNumber))[0]?.issuedOn).toBe('2023-09-01');

    const sample = syntheticDataset().families.filter((_, i) => i % 300 === 0);
    for (const f of sample) {
      const child = f.children[0]!;
      expect(await allAbout(http, { ...f, child }), f.key).toEqual(await allAbout(local, { ...f, child }));
    }
    // Every call was one POST per operation with the key and JSON, and nothing failed.
    expect(fake.requests.every((r) => r.authorization === `Bearer ${apiKey}` && r.contentType === 'application/json')).toBe(true);
    expect(new Set(fake.requests.map((r) => r.outcome))).toEqual(new Set(['answered']));
    expect(new Set(fake.requests.map((r) => r.operation))).toEqual(
      new Set(['identity', 'hukou', 'pension', 'businessLicences', 'publicServant', 'properties']),
    );
  });

  it('asks nothing for no owners', async () => {
    const fake = await start();
    expect(await client(fake.url).properties([])).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });

  it('retries through a 500 and a stalled answer, and returns the third answer', async () => {
    const fake = await start({ script: ['500', 'stall'] });
    const id = edgeCases.hukouOnCutoff.child.idNumber;
    const started = performance.now();
    expect(await client(fake.url).hukou(id)).toEqual(await local.hukou(id));
    const elapsed = performance.now() - started;
    expect(fake.requests.map((r) => r.outcome)).toEqual(['failed', 'stalled', 'answered']);
    expect(elapsed).toBeGreaterThanOrEqual(timeoutMs);
  });

  it('retries 429 and 503 too', async () => {
    const fake = await start({ script: ['429', '503'] });
    const id = edgeCases.publicServant.mother.idNumber;
    expect(await client(fake.url).publicServant(id)).toEqual(await local.publicServant(id));
    expect(fake.requests.map((r) => r.status)).toEqual([429, 503, 200]);
  });

  it('gets every answer right or says the service is unavailable, with 30 % of calls failing and 10 % stalling', async () => {
    const fake = await start({ failRate: 0.3, stallRate: 0.1, seed: 20240715 });
    const http = client(fake.url);
    const people = syntheticDataset()
      .people.filter((_, i) => i % 97 === 0)
      .slice(0, 60);
    let answered = 0;
    let unavailable = 0;
    const started = performance.now();
    // Four callers at a time, as a few sweeper or submit requests would be.
    const queue = [...people];
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        for (let p = queue.shift(); p; p = queue.shift()) {
          try {
            expect(await http.hukou(p.idNumber)).toEqual(await local.hukou(p.idNumber));
            answered++;
          } catch (error) {
            expect(error).toBeInstanceOf(RecordsUnavailableError);
            messages.push((error as Error).message);
            unavailable++;
          }
        }
      }),
    );
    const outcomes = fake.requests.map((r) => r.outcome);
    console.info(
      `records faults: ${people.length} calls, ${fake.requests.length} upstream requests, ${answered} answered, ${unavailable} unavailable, ${Math.round(performance.now() - started)} ms`,
    );
    expect(answered + unavailable).toBe(people.length);
    // Three attempts each: all three fail for about 0.4³ ≈ 6 % of calls.
    expect(answered).toBeGreaterThan(people.length * 0.8);
    expect(outcomes.filter((o) => o === 'failed').length).toBeGreaterThan(people.length * 0.2);
    expect(outcomes.filter((o) => o === 'stalled').length).toBeGreaterThan(0);
    expect(fake.requests.length).toBeGreaterThan(people.length);
    expect(fake.requests.length).toBeLessThanOrEqual(people.length * 3);
  });

  it('does not retry a refused key (401) or a refused request (400)', async () => {
    const fake = await start();
    const wrongKey = await failure(client(fake.url, { key: 'not-the-key' }).pension(edgeCases.pension12Months.father.idNumber));
    expect(wrongKey).not.toBeInstanceOf(RecordsUnavailableError);
    expect(wrongKey).toMatchObject({ status: 401, retryable: false, message: 'records service answered 401 (pension): invalid_api_key' });
    expect(fake.requests.map((r) => r.outcome)).toEqual(['unauthorized']);

    fake.set({ script: ['400'] });
    const refused = await failure(client(fake.url).hukou(edgeCases.hukouBeforeCutoff.child.idNumber));
    expect(refused).not.toBeInstanceOf(RecordsUnavailableError);
    expect(refused).toMatchObject({ status: 400, message: 'records service answered 400 (hukou): bad_request' });
    expect(fake.requestsFor('hukou')).toHaveLength(1);
  });

  it('reports a service that drops every connection as unavailable, after its retries, within the time budget', async () => {
    const fake = await start({ down: true });
    const started = performance.now();
    const error = await failure(client(fake.url).identity({ name: '刘思琪', idNumber: edgeCases.hukouBeforeCutoff.child.idNumber }));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(RecordsUnavailableError);
    expect(error.message).toMatch(/^records service unreachable \(identity\): .*; gave up after 3 attempts$/);
    expect(fake.requests.map((r) => r.outcome)).toEqual(['dropped', 'dropped', 'dropped']);
    expect(elapsed).toBeLessThan(httpRecordsWorstCaseMs({ timeoutMs, retryDelayMs }) + 1000);

    // Back up: the same adapter answers again.
    fake.set({ down: false });
    expect(await client(fake.url).identity({ name: '刘思琪', idNumber: edgeCases.hukouBeforeCutoff.child.idNumber })).toEqual({
      result: 'match',
    });
  });

  it('reports a port nobody listens on as unavailable, quickly', async () => {
    const url = `http://127.0.0.1:${await freePort()}/v1/records`;
    const started = performance.now();
    const error = await failure(client(url, { retries: 1 }).hukou(edgeCases.hukouOnCutoff.child.idNumber));
    expect(error).toBeInstanceOf(RecordsUnavailableError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(performance.now() - started).toBeLessThan(timeoutMs * 2 + 1000);
  });

  it('gives up on a service that always stalls within retries × timeout plus back-off', async () => {
    const fake = await start({ stallRate: 1 });
    const budget = httpRecordsWorstCaseMs({ timeoutMs, retryDelayMs });
    expect(budget).toBe(3 * timeoutMs + retryDelayMs + 2 * retryDelayMs);
    const started = performance.now();
    const error = await failure(client(fake.url).properties([edgeCases.propertyOwner.father.idNumber]));
    const elapsed = performance.now() - started;
    console.info(`records stall: gave up after ${Math.round(elapsed)} ms (budget ${budget} ms)`);
    expect(error).toBeInstanceOf(RecordsUnavailableError);
    expect(error.message).toBe(`records service timed out after ${timeoutMs} ms (properties); gave up after 3 attempts`);
    expect(fake.requests.map((r) => r.outcome)).toEqual(['stalled', 'stalled', 'stalled']);
    expect(elapsed).toBeGreaterThanOrEqual(3 * timeoutMs - 5);
    expect(elapsed).toBeLessThan(budget + 1000);
  });

  it('refuses answers that are not the contract, without retrying them', async () => {
    const fake = await start();
    const http = client(fake.url);
    const id = edgeCases.hukouWithoutRelation.child.idNumber;

    fake.set({ malformed: 'not-json' });
    const notJson = await failure(http.hukou(id));
    expect(notJson).not.toBeInstanceOf(RecordsUnavailableError);
    expect(notJson.message).toBe('records service answered 200 (hukou) with a body that is not JSON');

    fake.set({ malformed: 'wrong-shape' });
    expect((await failure(http.hukou(id))).message).toBe(
      'records service answered 200 (hukou) with an unexpected shape at record.idNumber',
    );
    expect((await failure(http.identity({ name: '胡欣妍', idNumber: id }))).message).toMatch(
      /^records service answered 200 \(identity\) with an unexpected shape at result$/,
    );
    expect((await failure(http.businessLicences(id))).message).toMatch(/unexpected shape at records\.0\./);

    fake.set({ malformed: 'other-person' });
    for (const call of [
      () => http.hukou(id),
      () => http.pension(edgeCases.pension12Months.father.idNumber),
      () => http.businessLicences(edgeCases.licenceBeforeCutoff.mother.idNumber),
      () => http.properties([edgeCases.propertyOwner.father.idNumber]),
      () => http.publicServant(edgeCases.publicServant.mother.idNumber),
    ]) {
      const error = await failure(call());
      expect(error).not.toBeInstanceOf(RecordsUnavailableError);
      expect(error.message).toMatch(/with a record about another person$/);
    }
    expect(fake.requests.every((r) => r.outcome === 'malformed')).toBe(true);
    expect(fake.requests).toHaveLength(9);
  });

  it('never puts a name or an ID number in its errors, although the service echoes them', async () => {
    const fake = await start({ script: ['500', '500', '500'] });
    const c = edgeCases.licenceBeforeCutoff;
    messages.push((await failure(client(fake.url).identity({ name: c.mother.name, idNumber: c.mother.idNumber }))).message);
    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 500]);
    const everyone = edgeCaseKeys.flatMap((k) => [
      edgeCases[k].father,
      edgeCases[k].mother,
      edgeCases[k].child,
      ...(edgeCases[k].grandparents ?? []),
    ]);
    expect(messages.length).toBeGreaterThan(10);
    const text = messages.join('\n');
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toMatch(/\p{Script=Han}/u);
    for (const p of everyone) expect(text).not.toContain(p.name);
  });
});

describe('records from configuration', () => {
  it('runs the local dataset for "local"', async () => {
    const records = recordsFromConfig({ provider: 'local' });
    const c = edgeCases.nameMismatch;
    expect(await records.identity({ name: c.child.name, idNumber: c.child.idNumber })).toEqual({ result: 'name_mismatch' });
  });

  it('runs the service for "http"', async () => {
    const fake = await start();
    const records = recordsFromConfig({ provider: 'http', httpUrl: `${fake.url}/`, httpKey: apiKey, httpTimeoutMs: 2000 });
    const id = edgeCases.publicServant.child.idNumber;
    expect(await records.hukou(id)).toEqual(await local.hukou(id));
    expect(fake.requests.map((r) => r.operation)).toEqual(['hukou']);
  });
});
