import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestName, type BackupManifest } from '../../db/backup';
import { children, documents } from '../../db/schema';
import { manualClock } from '../../src/adapters/clock';
import { parseConfig } from '../../worker/config';
import { startNodeHost } from '../../worker/node-host';
import { parentWithApplication, type SeededApplication } from '../helpers/applications-db';
import { startTestHost, type TestHost } from '../helpers/host';
import { residentIds } from '../helpers/identity';
import { hukouDocuments } from '../helpers/journey';
import { samplePng } from '../helpers/sample-files';
import { tempDir } from '../helpers/temp';

/**
 * `npm run backup` while the Node host takes writes, `npm run restore` into a fresh folder, a new host on the
 * restored data: every write acknowledged before the backup began is there, and every document row has its bytes.
 */
const run = promisify(execFile);
let t: TestHost;
const data = tempDir('backup-data');
const backupDir = tempDir('backup-copy');
const restoredDir = tempDir('backup-restored');
const filesDir = join(data.path, 'files');

beforeAll(async () => {
  t = await startTestHost({ env: { FILES_DIR: filesDir } });
});
afterAll(async () => {
  await t?.close();
  for (const dir of [data, backupDir, restoredDir]) dir.remove();
});

/** A document's bytes: the sample picture with the writer's counter appended (the type check reads the head only). */
const bytesOf = (n: number) => new Uint8Array([...samplePng, ...new TextEncoder().encode(`#${n}`)]);

async function upload(family: SeededApplication, kind: string, n: number): Promise<string | null> {
  const form = new FormData();
  form.set('file', new Blob([bytesOf(n)], { type: 'image/png' }), `${kind}-${n}.png`);
  form.set('applicationId', family.applicationId);
  form.set('kind', kind);
  const response = await fetch(`${t.url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${family.token}` }, body: form });
  if (response.status === 409) return null;
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function addChild(family: SeededApplication, idNumber: string): Promise<string | null> {
  const response = await fetch(`${t.url}/trpc/children.add`, {
    method: 'POST',
    headers: { authorization: `Bearer ${family.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: '备份测试', idType: 'resident', idNumber }),
  });
  const body = (await response.json()) as { result?: { data: { id: string } } };
  return body.result?.data.id ?? null;
}

const npm = (args: string[], env: Record<string, string>) =>
  run('npm', ['run', '--silent', ...args], { env: { ...process.env, ...env }, cwd: process.cwd() });

describe('backup and restore of the Node host', () => {
  it('copies a consistent database and every document while the host takes writes, and a restored host finds them all', async () => {
    const families = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        parentWithApplication(t.host.deps.db, { phone: `1350000${String(i).padStart(4, '0')}`, now: t.clock.now() }),
      ),
    );
    const ids = residentIds(400, '20180505');
    let n = 0;
    const acknowledged = {
      documents: new Map<string, { owner: SeededApplication; n: number }>(),
      children: new Map<string, SeededApplication>(),
    };
    const write = async (family: SeededApplication, i: number) => {
      const kind = hukouDocuments[i % hukouDocuments.length]!;
      const mine = ++n;
      const documentId = await upload(family, kind, mine);
      if (documentId) acknowledged.documents.set(documentId, { owner: family, n: mine });
      const childId = await addChild(family, ids[mine % ids.length]!);
      if (childId) acknowledged.children.set(childId, family);
    };

    // Before the backup: writes whose acknowledgement must survive.
    for (let i = 0; i < 3; i++) await Promise.all(families.map((f) => write(f, i)));
    const before = { documents: new Map(acknowledged.documents), children: new Map(acknowledged.children) };
    expect(before.documents.size).toBeGreaterThan(0);

    // During the backup: writers keep going until the command returns.
    let backingUp = true;
    const writers = families.map(async (family, i) => {
      for (let round = 3; backingUp && round < 40; round++) await write(family, i + round);
    });
    const env = { DATABASE_URL: `file:${t.dbFile}`, FILES_DIR: filesDir };
    const output = await npm(['backup', '--', '--to', join(backupDir.path, 'copy')], env).finally(() => {
      backingUp = false;
    });
    await Promise.all(writers);
    expect(output.stdout).toContain('backed up');
    const manifest = JSON.parse(readFileSync(join(backupDir.path, 'copy', manifestName), 'utf8')) as BackupManifest;
    expect(manifest.missingFiles).toEqual([]);
    expect(statSync(join(backupDir.path, 'copy', 'enrollment.db')).mode & 0o777).toBe(0o600);

    // Restore into a fresh folder and start a host on it (the source host still runs: nothing is shared).
    const restored = { DATABASE_URL: `file:${join(restoredDir.path, 'enrollment.db')}`, FILES_DIR: join(restoredDir.path, 'files') };
    await npm(['restore', '--', '--from', join(backupDir.path, 'copy')], restored);
    const host = await startNodeHost(parseConfig({ PORT: '0', ENROLL_DEV: '1', ...restored }), {
      clock: manualClock(t.clock.now().toISOString()),
      log: { info() {}, warn() {}, error() {} },
    });
    try {
      const db = host.deps.db;
      const [documentRows] = await db.select({ n: count() }).from(documents);
      const [childRows] = await db.select({ n: count() }).from(children);
      expect(documentRows!.n).toBe(manifest.documents);
      expect(childRows!.n).toBe(manifest.tables.children);
      // At least what was acknowledged before, at most what was acknowledged by the end.
      console.info(
        `backup: ${output.stdout.trim()}; documents acknowledged before ${before.documents.size}, in the backup ${documentRows!.n}, by the end ${acknowledged.documents.size}`,
      );
      expect(documentRows!.n).toBeGreaterThanOrEqual(before.documents.size);
      expect(documentRows!.n).toBeLessThanOrEqual(acknowledged.documents.size);

      for (const [childId, family] of before.children) {
        const response = await fetch(`${host.url}/trpc/children.list`, { headers: { authorization: `Bearer ${family.token}` } });
        const listed = ((await response.json()) as { result: { data: { id: string }[] } }).result.data.map((c) => c.id);
        expect(listed).toContain(childId);
      }
      // Every document row of the restored database serves the bytes its owner uploaded.
      const rows = await db.select({ id: documents.id }).from(documents);
      for (const { id } of rows) {
        const ack = acknowledged.documents.get(id)!;
        expect(ack, `document ${id} in the backup was never acknowledged`).toBeDefined();
        const response = await fetch(`${host.url}/api/files/${id}`, { headers: { authorization: `Bearer ${ack.owner.token}` } });
        expect(response.status).toBe(200);
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytesOf(ack.n));
      }
      for (const id of before.documents.keys()) expect(rows.map((r) => r.id)).toContain(id);
    } finally {
      await host.close();
    }

    // Restoring over existing data is refused without --force.
    const again = await npm(['restore', '--', '--from', join(backupDir.path, 'copy')], restored).then(
      () => null,
      (e: { stderr: string }) => e,
    );
    expect(again?.stderr).toContain('--force');
  }, 120_000);
});
