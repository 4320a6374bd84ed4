import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../helpers/host';
import { integrationKey, type IntegratorWorld, integratorWorld } from '../helpers/integrator-world';

/**
 * The "done when": a Python script using only the OpenAPI document and a key reads a school's placed list
 * (docs/integrators/placed_list.py, standard library only), and a key without the scope is refused.
 */
const script = fileURLToPath(new URL('../../docs/integrators/placed_list.py', import.meta.url));
const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) console.warn('python-client.test.ts skipped: python3 is not installed (.ci/run installs it)');

// The host runs in this process: the script must run asynchronously, or it would wait on a server that cannot answer.
const run = promisify(execFile);

describe.skipIf(!hasPython)('docs/integrators/placed_list.py', () => {
  let t: TestHost;
  let w: IntegratorWorld;

  beforeAll(async () => {
    t = await startTestHost({ now: '2024-08-20T09:00:00+08:00' });
    w = await integratorWorld(t, '1370000090');
  });
  afterAll(() => t?.close());

  const placedList = (key: string, school: string) =>
    run('python3', [script, '--url', t.url, '--school', school], { env: { ...process.env, ENROLL_KEY: key }, encoding: 'utf8' });

  it('prints the school’s placed list with a key that may read it', async () => {
    const key = await integrationKey(t, ['placements.read'], w.school);
    const { stdout } = await placedList(key, w.school);
    const [heading, ...rows] = stdout.trim().split('\n');
    expect(heading).toBe(`${w.schoolName} · ${w.seasonName} · 已派位 3 人`);
    expect(rows.map((row) => row.split('\t')[0]).sort()).toEqual([...w.placedNumbers].sort());
    expect(rows.every((row) => row.split('\t')[1] === '测试儿童')).toBe(true);
  });

  it('is refused, with the zh-CN reason, for a key without the scope', async () => {
    const key = await integrationKey(t, ['catalog.read']);
    const failed = await placedList(key, w.school).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('请求失败 403 FORBIDDEN');
    expect(failed?.stderr).toContain('权限');
  });
});
