import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '../../db/client';
import { createWebDb } from '../../db/client-web';
import { migrateDb } from '../../db/migrate';
import { seedCatalog } from '../../db/seed';
import { type Sqld, startSqld } from '../../worker/sqld';
import { startWranglerDev, type WranglerDev } from './wrangler';

export const workerDataKey = 'test-only-data-key-not-a-secret-0123456789';

/**
 * The edge path for a test file: the real libSQL server (sqld) in a temp folder, migrated and seeded (plus
 * whatever `prepare` writes), and the Worker under `wrangler dev` pointed at it, in demo mode at `now`.
 */
export async function startWorkerStack<T = undefined>(options: {
  now: string;
  prepare?: (db: Db) => Promise<T>;
  vars?: Record<string, string>;
  sqldArgs?: readonly string[];
  wranglerEnv?: Record<string, string>;
  /** The address the Worker is given for sqld (e.g. a counting proxy in front of it); sqld's own by default. */
  workerDatabaseUrl?: (sqldUrl: string) => string | Promise<string>;
}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'enrollment-sqld-'));
  let sqld: Sqld | undefined;
  let worker: WranglerDev | undefined;
  let prepared: T;
  try {
    sqld = await startSqld({ dbPath: join(dataDir, 'db'), args: options.sqldArgs });
    const db = await createDb(sqld.url);
    await migrateDb(db);
    await seedCatalog(db);
    // Through the Worker's own kind of client, which waits out a busy database as the Worker does.
    prepared = options.prepare ? await options.prepare(createWebDb(sqld.url)) : (undefined as T);
    db.$client.close();
    worker = await startWranglerDev({
      env: options.wranglerEnv,
      vars: {
        DATABASE_URL: options.workerDatabaseUrl ? await options.workerDatabaseUrl(sqld.url) : sqld.url,
        DATA_KEY: workerDataKey,
        SMS_PROVIDER: 'dev',
        ENROLL_DEV: '1',
        ENROLL_NOW: options.now,
        ...options.vars,
      },
    });
  } catch (error) {
    await worker?.stop();
    await sqld?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const running = { sqld, worker };
  const sqldPort = Number(new URL(sqld.url).port);
  return {
    url: running.worker.url,
    sqldUrl: running.sqld.url,
    worker: running.worker,
    prepared,
    /** Kills the database server as a crash would (SIGKILL); the Worker keeps running. */
    async killDatabase() {
      await running.sqld.kill();
    },
    /** Starts the database server again on the same port over the same files. */
    async restartDatabase() {
      running.sqld = await startSqld({ dbPath: join(dataDir, 'db'), port: sqldPort, args: options.sqldArgs });
    },
    async stop() {
      await running.worker.stop();
      await running.sqld.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
