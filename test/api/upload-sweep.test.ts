import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { applications, documents, uploadIntents } from '../../db/schema';
import { randomId } from '../../src/adapters/random';
import { intentsForDocumentsOf } from '../../src/services/documents';
import { sweep } from '../../src/services/sweep';
import { parentWithApplication, type SeededApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { sampleJpeg, samplePng } from '../helpers/sample-files';

let t: TestHost;
let parent: SeededApplication;

beforeAll(async () => {
  t = await startTestHost();
  parent = await parentWithApplication(t.host.deps.db, { phone: '13712340101', now: t.clock.now() });
});
afterAll(() => t?.close());

const auth = () => ({ authorization: `Bearer ${parent.token}`, origin: t.url });
const intents = () => t.host.deps.db.select().from(uploadIntents);

async function upload(bytes: Uint8Array, replaces?: string): Promise<string> {
  const form = new FormData();
  form.append('applicationId', parent.applicationId);
  form.append('kind', 'student-hukou');
  if (replaces) form.append('replaces', replaces);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), 'photo.png');
  const response = await fetch(`${t.url}/api/files`, { method: 'POST', headers: auth(), body: form });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe('bytes stored without a document row', () => {
  it('an upload, a replacement and a deletion leave no intent behind', async () => {
    const first = await upload(samplePng);
    expect(await intents()).toEqual([]);
    const id = await upload(sampleJpeg, first);
    expect(await intents()).toEqual([]);
    expect((await fetch(`${t.url}/api/files/${first}`, { headers: auth() })).status).toBe(404);
    const removed = await fetch(`${t.url}/api/files/${id}`, { method: 'DELETE', headers: auth() });
    expect(removed.status).toBe(200);
    expect(await intents()).toEqual([]);
  });

  it('are deleted by the sweep after the grace period when the process died before writing the row', async () => {
    const kept = await upload(sampleJpeg);
    // The crash point of an upload: the intent is written and the bytes are stored, the row never is.
    const orphanKey = randomId() + randomId();
    await t.host.deps.db.insert(uploadIntents).values({ storageKey: orphanKey, accountId: parent.accountId, createdAt: t.clock.now() });
    await t.host.deps.files.put(orphanKey, samplePng, 'image/png');
    expect(await t.host.deps.files.get(orphanKey)).not.toBeNull();

    expect((await sweep(t.host.deps)).uploads).toEqual({ removed: 0 });
    expect(await t.host.deps.files.get(orphanKey)).not.toBeNull();

    t.clock.advance(61 * 60_000);
    expect((await sweep(t.host.deps)).uploads).toEqual({ removed: 1 });
    expect(await t.host.deps.files.get(orphanKey)).toBeNull();
    expect(await intents()).toEqual([]);

    const served = await fetch(`${t.url}/api/files/${kept}`, { headers: auth() });
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(sampleJpeg);
  });

  it('also deletes the half-written temporary file of an upload killed before its rename', async () => {
    const orphanKey = randomId() + randomId();
    await t.host.deps.db.insert(uploadIntents).values({ storageKey: orphanKey, accountId: parent.accountId, createdAt: t.clock.now() });
    const temporary = join(t.filesDir, orphanKey.slice(0, 2), `.${orphanKey}.0a1b2c3d4e5f.tmp`);
    mkdirSync(join(t.filesDir, orphanKey.slice(0, 2)), { recursive: true });
    writeFileSync(join(t.filesDir, orphanKey.slice(0, 2), 'placeholder-of-another-key'), '');
    writeFileSync(temporary, 'image/png\n half of a photo');
    t.clock.advance(61 * 60_000);
    expect((await sweep(t.host.deps)).uploads).toEqual({ removed: 1 });
    expect(existsSync(temporary)).toBe(false);
    expect(existsSync(join(t.filesDir, orphanKey.slice(0, 2), 'placeholder-of-another-key'))).toBe(true);
  });

  it('are deleted by the sweep when a batch dropped document rows (an unbound child, a claimed child) and the process died before deleting their bytes', async () => {
    await upload(samplePng);
    const db = t.host.deps.db;
    const stored = await db
      .select({ storageKey: documents.storageKey })
      .from(documents)
      .where(eq(documents.applicationId, parent.applicationId));
    const ofApplication = db.select({ id: applications.id }).from(applications).where(eq(applications.id, parent.applicationId));
    // The batch of an unbind or a granted claim: intents for the bytes, then the rows go; the bytes' deletion never runs.
    const [left] = await db.batch([
      intentsForDocumentsOf(db, ofApplication, t.clock.now()),
      db.delete(documents).where(inArray(documents.applicationId, ofApplication)),
    ]);
    expect(new Set(left.map((r) => r.storageKey))).toEqual(new Set(stored.map((r) => r.storageKey)));
    for (const { storageKey } of stored) expect(await t.host.deps.files.get(storageKey)).not.toBeNull();

    t.clock.advance(61 * 60_000);
    expect((await sweep(t.host.deps)).uploads).toEqual({ removed: stored.length });
    for (const { storageKey } of stored) expect(await t.host.deps.files.get(storageKey)).toBeNull();
    expect(await intents()).toEqual([]);
  });

  it('keeps bytes a document row claims even if their intent was left behind', async () => {
    const id = await upload(samplePng);
    const [doc] = await t.host.deps.db.query.documents.findMany({ where: (d, { eq }) => eq(d.id, id) });
    await t.host.deps.db
      .insert(uploadIntents)
      .values({ storageKey: doc!.storageKey, accountId: parent.accountId, createdAt: t.clock.now() });
    t.clock.advance(61 * 60_000);
    expect((await sweep(t.host.deps)).uploads).toEqual({ removed: 0 });
    expect(await intents()).toEqual([]);
    expect((await fetch(`${t.url}/api/files/${id}`, { headers: auth() })).status).toBe(200);
  });
});
