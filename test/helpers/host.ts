import { manualClock, type ManualClock } from '../../src/adapters/clock';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { parseConfig } from '../../worker/config';
import { startNodeHost, type NodeHost } from '../../worker/node-host';
import { plannedRandom, type PlannedRandom } from './random';
import { tempDir } from './temp';

export interface TestHost {
  url: string;
  client: EnrollmentClient;
  clock: ManualClock;
  /** The host's random source: WebCrypto unless a test lines up draws (`random.plan`). */
  random: PlannedRandom;
  host: NodeHost;
  /** The libSQL database file (with its -wal and -shm beside it). */
  dbFile: string;
  /** The documents folder (`FILES_DIR`). */
  filesDir: string;
  /** Everything the app logged as an error: a test that expects none checks it is empty. */
  errors: unknown[][];
  /** Every line the app logged (info, warn and error), for tests that check what logs may show. */
  logLines: string[];
  close(): Promise<void>;
}

/**
 * Starts the real Node host on a free port with a fresh, migrated and seeded libSQL file of its own and a clock
 * that stands still at `now` (China time inside the 2024 window unless told otherwise).
 */
export async function startTestHost(options: { now?: string; env?: Record<string, string> } = {}): Promise<TestHost> {
  const dir = tempDir('api');
  const clock = manualClock(options.now ?? '2024-07-20T10:00:00+08:00');
  const random = plannedRandom();
  const errors: unknown[][] = [];
  const logLines: string[] = [];
  const line = (args: unknown[]) =>
    logLines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack ?? ''}` : String(a))).join(' '));
  const log = {
    info: (...args: unknown[]) => {
      line(args);
    },
    warn: (...args: unknown[]) => {
      line(args);
    },
    error: (...args: unknown[]) => {
      line(args);
      errors.push(args);
    },
  };
  const config = parseConfig({
    PORT: '0',
    DATABASE_URL: `file:${dir.path}/test.db`,
    FILES_DIR: `${dir.path}/files`,
    ENROLL_DEV: '1',
    ...options.env,
  });
  const host = await startNodeHost(config, { clock, log, random });
  return {
    url: host.url,
    client: createEnrollmentClient({ url: host.url }),
    clock,
    random,
    host,
    dbFile: `${dir.path}/test.db`,
    filesDir: `${dir.path}/files`,
    errors,
    logLines,
    async close() {
      await host.close();
      dir.remove();
    },
  };
}
