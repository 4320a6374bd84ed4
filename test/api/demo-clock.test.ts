import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/adapters/clock';
import { createEnrollmentClient } from '../../src/client';
import { parseConfig } from '../../worker/config';
import { startNodeHost } from '../../worker/node-host';
import { codeFromInbox } from '../helpers/parents';
import { tempDir } from '../helpers/temp';
import { privacyNotice } from '../../src/domain/privacy-notice';

const dir = tempDir('demo-clock');
afterAll(() => dir.remove());

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const demoConfig = () =>
  parseConfig({ PORT: '0', DATABASE_URL: `file:${dir.path}/demo.db`, FILES_DIR: `${dir.path}/files`, ENROLL_DEV: '1' });

async function signIn(url: string, phone: string) {
  const client = createEnrollmentClient({ url });
  await client.auth.requestCode.mutate({ phone });
  const code = await codeFromInbox({ client }, phone);
  return client.auth.signIn.mutate({ phone, code, session: 'token', acceptedNotice: privacyNotice.version });
}

const healthNow = async (url: string) => new Date(((await (await fetch(`${url}/api/health`)).json()) as { now: string }).now);

describe('demo mode restarted over the same database', () => {
  it('resumes demo time from the kept data instead of going back to 08:00, so a parent can sign in again', async () => {
    // An earlier run whose demo had reached 10:00 (its clock stands still here): a parent signs in, another asks for a code.
    const earlier = manualClock('2024-07-15T10:00:00+08:00');
    const first = await startNodeHost(demoConfig(), { clock: earlier, log: silent });
    try {
      await signIn(first.url, '13500000001');
      earlier.advance(2 * 60_000);
      await createEnrollmentClient({ url: first.url }).auth.requestCode.mutate({ phone: '13500000002' });
    } finally {
      await first.close();
    }

    // The next start of `npm start`: the configured demo start is 08:00, but the kept data already reached 10:02.
    const second = await startNodeHost(demoConfig(), { log: silent });
    try {
      expect((await healthNow(second.url)).getTime()).toBeGreaterThanOrEqual(new Date('2024-07-15T10:02:00+08:00').getTime());
      const again = await signIn(second.url, '13500000001');
      expect(again.account.isNew).toBe(false);
    } finally {
      await second.close();
    }

    // And once more: time never goes back over what the previous runs wrote.
    const third = await startNodeHost(demoConfig(), { log: silent });
    try {
      expect((await healthNow(third.url)).getTime()).toBeGreaterThanOrEqual(new Date('2024-07-15T10:02:00+08:00').getTime());
    } finally {
      await third.close();
    }
  });

  it('starts at the configured demo morning on an empty database', async () => {
    const fresh = tempDir('demo-clock-fresh');
    const host = await startNodeHost(
      parseConfig({ PORT: '0', DATABASE_URL: `file:${fresh.path}/demo.db`, FILES_DIR: `${fresh.path}/files`, ENROLL_DEV: '1' }),
      { log: silent },
    );
    try {
      const now = (await healthNow(host.url)).getTime();
      const start = new Date('2024-07-15T08:00:00+08:00').getTime();
      expect(now).toBeGreaterThanOrEqual(start);
      expect(now).toBeLessThan(start + 60_000);
    } finally {
      await host.close();
      fresh.remove();
    }
  });
});
