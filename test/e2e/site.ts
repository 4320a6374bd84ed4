import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manualClock } from '../../src/adapters/clock';
import { readConfig } from '../../worker/config';
import { type NodeHost, startNodeHost } from '../../worker/node-host';

const builtPage = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));

export interface Site {
  url: string;
  host: NodeHost;
  /** What the host logged as errors or warnings; a healthy page load logs none. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * The real Node host with the built web app, a fresh seeded database and a clock stopped at `now`.
 * Fails at once, with the fix, when the web app has not been built.
 */
export async function startSite(now: string): Promise<Site> {
  if (!existsSync(builtPage)) {
    throw new Error('web/dist/index.html is missing: run `npm run build` first (`npm test` builds before testing).');
  }
  const dir = await mkdtemp(join(tmpdir(), 'enroll-e2e-'));
  const problems: string[] = [];
  const record = (...args: unknown[]) => { problems.push(args.map(String).join(' ')); };
  try {
    const host = await startNodeHost(
      readConfig({ PORT: '0', DATABASE_URL: `file:${join(dir, 'e2e.db')}`, ENROLL_DEV: '1' }),
      { clock: manualClock(now), log: { info: () => {}, warn: record, error: record } },
    );
    return {
      url: host.url,
      host,
      problems,
      async close() {
        try {
          await host.close();
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
