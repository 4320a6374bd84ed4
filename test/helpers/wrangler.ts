import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStaffDevConfig } from '../../worker/staff-dev-config';
import { freePort } from './ports';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
const wranglerBin = join(projectDir, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

export interface WranglerDev {
  /** e.g. `http://127.0.0.1:40123` */
  url: string;
  /** wrangler's own process id, which is also its process group's (workerd runs in that group). */
  pid: number;
  /** What wrangler and the Worker printed (the Worker's console output included), the last 4 MB of it. */
  output(): string;
  /** Where wrangler keeps its local state (local R2 objects, …) until `stop()`. */
  stateDir: string;
  stop(): Promise<void>;
}

/**
 * Runs `wrangler dev` (local workerd, this project's wrangler.toml) with `vars` as the Worker's env, and resolves
 * once `/api/health` answers `readyStatus` (200; a test of a broken configuration waits for 500).
 * `/__scheduled?cron=...` runs the scheduled handler. A developer's `.dev.vars` is not read: the Worker sees
 * `vars` and wrangler.toml only.
 */
export async function startWranglerDev(options: {
  vars: Record<string, string>;
  port?: number;
  readyStatus?: number;
  readyTimeoutMs?: number;
  /** Extra environment for wrangler (experiments only, e.g. the load bench). */
  env?: Record<string, string>;
}): Promise<WranglerDev> {
  const port = options.port ?? (await freePort());
  const inspectorPort = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const scratch = mkdtempSync(join(tmpdir(), 'enrollment-wrangler-'));
  const envFile = join(scratch, 'empty.env');
  writeFileSync(envFile, '');

  const args = [
    wranglerBin,
    'dev',
    // The main Worker, the render Worker behind its RENDER binding (decision 024) and the staff Worker behind its
    // STAFF binding, with the same vars (decision 027).
    '--config',
    'wrangler.toml',
    '--config',
    'worker/render.wrangler.toml',
    '--config',
    writeStaffDevConfig(scratch, options.vars),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    '--test-scheduled',
    '--show-interactive-dev-session=false',
    '--persist-to',
    join(scratch, 'state'),
    '--env-file',
    envFile,
    // The demo records the deployed Worker leaves out (wrangler.toml [define]): tests run in demo mode.
    '--define',
    'DEMO_RECORDS:true',
    ...Object.entries(options.vars).flatMap(([key, value]) => ['--var', `${key}:${value}`]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: projectDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      WRANGLER_SEND_ERROR_REPORTS: 'false',
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      XDG_CONFIG_HOME: join(scratch, 'config'),
      FORCE_COLOR: '0',
      // Wrangler's DevTools relay off (it takes this variable for a VS Code debug terminal's): under a burst it held
      // some requests for about 150 s before passing them on (test/worker/load.test.ts, 2 of 11 runs); off, 0 of 6.
      VSCODE_INSPECTOR_OPTIONS: '{}',
      ...options.env,
    },
  });
  // The last 4 MB: a load run can log far more than a string can hold.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  // wrangler runs workerd as a child: signal the whole process group so nothing is left behind.
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const forget = killWhenThisProcessEnds(() => killGroup('SIGKILL'));

  const stop = async () => {
    forget();
    await stopGroup(child, killGroup);
    rmSync(scratch, { recursive: true, force: true });
  };

  try {
    await waitUntilAnswering(url, child, options.readyStatus ?? 200, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    throw new Error(`wrangler dev did not become ready on ${url}: ${(error as Error).message}\n${output}`);
  }
  return { url, pid: child.pid!, output: () => output, stateDir: join(scratch, 'state'), stop };
}

/**
 * The detached group escapes both the test process's exit and a Ctrl-C at the terminal (which signals only the
 * foreground group): `kill` runs on either; a signal is then re-raised so the process still ends as it would have.
 */
function killWhenThisProcessEnds(kill: () => void): () => void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    kill();
    forget();
    process.kill(process.pid, signal);
  };
  const forget = () => {
    process.off('exit', kill);
    for (const signal of signals) process.off(signal, onSignal);
  };
  process.once('exit', kill);
  for (const signal of signals) process.once(signal, onSignal);
  return forget;
}

async function waitUntilAnswering(url: string, child: ChildProcess, status: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === status) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`/api/health did not answer ${status} within ${timeoutMs} ms`);
}

/** SIGTERM to the group, SIGKILL after 5 s; resolves when wrangler itself has exited. */
async function stopGroup(child: ChildProcess, killGroup: (signal: NodeJS.Signals) => void): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  killGroup('SIGKILL');
}
