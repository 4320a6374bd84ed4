import { spawn } from 'node:child_process';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createEnrollmentClient } from '../../src/client';
import { parseConfig } from '../../worker/config';
import { startNodeHost } from '../../worker/node-host';
import { refusal } from '../helpers/refusal';
import { tempDir } from '../helpers/temp';

const projectRoot = new URL('../..', import.meta.url).pathname;

/** Runs `npm run admin:create` for real, the password piped on stdin (not a terminal). */
function adminCreate(databaseUrl: string, args: string[], stdin: string) {
  return new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'admin:create', '--', ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, ENROLL_DEV: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end(stdin);
  });
}

const dir = tempDir('admin-create');
const databaseUrl = `file:${dir.path}/real.db`;
const password = 'Zi-jiang 7 river!';
afterAll(() => dir.remove());

describe('npm run admin:create on a fresh database outside demo mode', () => {
  beforeAll(async () => {
    const made = await adminCreate(databaseUrl, ['--username', 'chief', '--name', '李主任'], `${password}\n`);
    expect(made.out).toContain('已创建管理员 chief');
    expect(made.code).toBe(0);
  }, 60_000);

  it('creates an administrator who signs in over HTTP on a real (non-demo) host', async () => {
    const config = parseConfig({
      PORT: '0',
      DATABASE_URL: databaseUrl,
      FILES_DIR: `${dir.path}/files`,
      DATA_KEY: 'a-real-deployment-key-of-enough-length-0123',
      SMS_PROVIDER: 'dev',
      RECORDS_PROVIDER: 'local',
    });
    expect(config.dev).toBe(false);
    const host = await startNodeHost(config);
    try {
      const anonymous = createEnrollmentClient({ url: host.url });
      const { token, staff } = await anonymous.review.signIn.mutate({ username: 'chief', password, session: 'token' });
      expect(staff).toMatchObject({ username: 'chief', displayName: '李主任', role: 'admin' });
      const chief = createEnrollmentClient({ url: host.url, token: token! });
      expect((await chief.admin.staff.query()).map((s) => s.username)).toEqual(['chief']);
      expect((await refusal(anonymous.review.signIn.mutate({ username: 'admin', password: 'demo-admin-2024' }))).data?.code).toBe(
        'UNAUTHORIZED',
      );
      const audited = await host.deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'staff_create'), eq(auditLog.username, 'admin:create')));
      expect(audited).toHaveLength(1);
      expect(JSON.stringify(audited)).not.toContain(password);
    } finally {
      await host.close();
    }
  });

  it('refuses an existing username and a weak password, creating nobody', async () => {
    const again = await adminCreate(databaseUrl, ['--username', 'chief', '--name', '另一人'], 'Another-strong-pass 42\n');
    expect(again.code).not.toBe(0);
    expect(again.out).toContain('该用户名已存在');
    const weak = await adminCreate(databaseUrl, ['--username', 'deputy', '--name', '王副主任'], 'password123\n');
    expect(weak.code).not.toBe(0);
    expect(weak.out).toMatch(/密码太(短|常见)/);
    const missing = await adminCreate(databaseUrl, ['--name', '无名'], `${password}\n`);
    expect(missing.code).not.toBe(0);
    expect(missing.out).toContain('--username');
  }, 60_000);
});
