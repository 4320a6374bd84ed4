import { describe, expect, it } from 'vitest';
import { createEnrollmentClient } from '../../src/client';
import { ConfigError, parseConfig } from '../../worker/config';
import { startNodeHost } from '../../worker/node-host';
import { tempDir } from '../helpers/temp';

const base = (dir: string) => ({ PORT: '0', DATABASE_URL: `file:${dir}/demo.db`, FILES_DIR: `${dir}/files` });
const realMode = { DATA_KEY: 'a-real-deployment-key-of-enough-length-0123', SMS_PROVIDER: 'dev', RECORDS_PROVIDER: 'local' };

describe('demo mode on a public address', () => {
  it('refuses to start on a non-loopback HOST: its inbox would show every sign-in code to anyone', () => {
    for (const HOST of ['0.0.0.0', '::', '192.168.1.20', 'enroll.example.cn']) {
      expect(() => parseConfig({ ...base('/tmp/x'), ENROLL_DEV: '1', HOST })).toThrow(ConfigError);
      expect(() => parseConfig({ ...base('/tmp/x'), ENROLL_DEV: '1', HOST })).toThrow(/ENROLL_DEV_PUBLIC=1/);
    }
    for (const HOST of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) {
      expect(parseConfig({ ...base('/tmp/x'), ENROLL_DEV: '1', HOST }).host).toBe(HOST);
    }
    expect(parseConfig({ ...base('/tmp/x'), ENROLL_DEV: '1', HOST: '0.0.0.0', ENROLL_DEV_PUBLIC: '1' }).devPublic).toBe(true);
    expect(parseConfig({ ...base('/tmp/x'), ...realMode, HOST: '0.0.0.0' }).dev).toBe(false);
  });

  it('is refused by startNodeHost itself, before any database is opened, however the config was built', async () => {
    const dir = tempDir('demo-host');
    try {
      const loopback = parseConfig({ ...base(dir.path), ENROLL_DEV: '1' });
      await expect(startNodeHost({ ...loopback, host: '0.0.0.0' })).rejects.toThrow(ConfigError);
    } finally {
      dir.remove();
    }
  });

  it('starts on all addresses when told explicitly, and a real deployment starts there without being told', async () => {
    const dir = tempDir('demo-host');
    try {
      for (const env of [{ ENROLL_DEV: '1', ENROLL_DEV_PUBLIC: '1' }, realMode]) {
        const host = await startNodeHost(parseConfig({ ...base(dir.path), HOST: '0.0.0.0', ...env }));
        try {
          const port = new URL(host.url).port;
          const regions = await createEnrollmentClient({ url: `http://127.0.0.1:${port}` }).catalog.regions.query();
          expect(regions.length).toBeGreaterThan(0);
        } finally {
          await host.close();
        }
      }
    } finally {
      dir.remove();
    }
  });
});
