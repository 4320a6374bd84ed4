import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../helpers/ports';
import { cpuMsOf, processesOf } from './group-cpu';

export interface HostProcess {
  url: string;
  /** The host's process group: the process started here and every process it starts (several host processes). */
  group: number;
  /** The processes of the group now (Node and tsx's esbuild). */
  pids(): number[];
  /** How many of them are Node processes (host processes). */
  nodeProcesses(): number;
  /** CPU ms (user + system, all threads) the group's processes have used so far. */
  cpuMs(): number;
  /** What the host wrote to stderr (its warnings and errors). */
  stderr: string[];
  stop(): Promise<void>;
}

export interface HostOptions {
  dbFile: string;
  filesDir: string;
  dataKey: string;
  /** The clock's first instant (`ENROLL_NOW`); it runs forward in real time from there. */
  now: string;
  /** `ENROLL_PROCESSES` for the host; undefined leaves the host's default. */
  processes?: number;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * The real Node host (`worker/node.ts`, demo SMS provider and records) as a process group of its own on `dbFile`,
 * started as an operator would start it, with the clock at `now`. Resolves once `/api/health` answers.
 */
export async function startHostProcess(options: HostOptions): Promise<HostProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'worker/node.ts'], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${options.dbFile}`,
      FILES_DIR: options.filesDir,
      DATA_KEY: options.dataKey,
      SMS_PROVIDER: 'dev',
      ENROLL_DEV: '1',
      ENROLL_NOW: options.now,
      ...(options.processes === undefined ? {} : { ENROLL_PROCESSES: String(options.processes) }),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const group = child.pid!;
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => stderr.push(...text.split('\n').filter(Boolean)));
  let exited = false;
  const gone = new Promise<void>((done) => child.once('exit', () => done()));
  void gone.then(() => {
    exited = true;
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-group, signal);
    } catch {
      // the group has ended
    }
  };
  const host: HostProcess = {
    url: `http://127.0.0.1:${port}`,
    group,
    pids: () => processesOf(group, ''),
    nodeProcesses: () => processesOf(group, 'node').length,
    cpuMs: () => cpuMsOf(processesOf(group, '')),
    stderr,
    async stop() {
      signalGroup('SIGTERM');
      await Promise.race([gone, sleep(10_000)]);
      for (let i = 0; i < 50 && processesOf(group, '').length > 0; i++) await sleep(100);
      signalGroup('SIGKILL');
    },
  };
  for (let i = 0; i < 600 && !exited; i++) {
    const up = await fetch(`${host.url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return host;
    await sleep(100);
  }
  await host.stop();
  throw new Error(`the host did not start on port ${port}: ${stderr.slice(-5).join(' | ')}`);
}
