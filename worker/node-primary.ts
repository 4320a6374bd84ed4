import cluster, { type Worker } from 'node:cluster';
import { truncateWal } from '../db/client';
import type { AppDeps } from '../src/api/context';
import { loggableError } from '../src/domain/error-text';
import { relayCatalogForgets } from './catalog-relay';
import type { HostConfig } from './config';
import { buildNodeDeps } from './node-deps';
import { prepareDatabase } from './node-host';
import { isSweepSoon, startSweeper } from './node-sweeper';

/** What the primary tells its serving processes, and the environment it starts them with. */
export const stopMessage = { host: 'stop' } as const;
export const clockOffsetVariable = 'ENROLL_CLOCK_OFFSET_MS';

const stopWaitMs = 10_000;
const restartDelayMs = 1_000;

export interface PrimaryHost {
  url: string;
  deps: AppDeps;
  /** The serving processes' ids, as the operating system knows them. */
  pids(): number[];
  close(): Promise<void>;
}

/**
 * The primary process of a Node host of several (`ENROLL_PROCESSES` > 1). It prepares the database once (migrations,
 * seed), runs the one sweeper (the outbox, system checks, uploads; then empties the write-ahead log), starts `count`
 * serving processes (`worker/node-serving.ts`) that share the port, relays their catalog drops to one another, starts
 * a new one when one dies, and on `close` stops them all before it closes the database.
 */
export async function startPrimary(config: HostConfig, count: number, log: AppDeps['log'] = console): Promise<PrimaryHost> {
  const db = await prepareDatabase(config);
  const deps = await buildNodeDeps(config, db, { log });
  const sweeper = startSweeper(deps, 60_000, () => truncateWal(db, config.databaseUrl));
  // Every process's demo clock shows the same instant: the primary's, which caught up with the kept data.
  const env = { [clockOffsetVariable]: String(deps.clock.now().getTime() - Date.now()) };

  let closing = false;
  // A message to a process that is ending (a terminal's Ctrl+C reaches every process at once) is not worth a crash.
  const forkOne = () => cluster.fork(env).on('error', (error) => log.warn(`serving process: ${loggableError(error)}`));
  const workers = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  const relay = relayCatalogForgets(workers);
  const onMessage = (worker: Worker, message: unknown) => (isSweepSoon(message) ? sweeper.soon() : relay(worker, message));
  const onExit = (worker: Worker, code: number, signal: string | null) => {
    if (closing) return;
    log.error(`serving process ${worker.process.pid} ended (${signal ?? `code ${code}`}); starting another`);
    setTimeout(() => {
      if (!closing) forkOne();
    }, restartDelayMs).unref();
  };
  cluster.on('message', onMessage);

  const fork = () =>
    new Promise<number>((listening, failed) => {
      const worker = forkOne();
      const early = (code: number | null) => failed(new Error(`a serving process ended before it listened (code ${code})`));
      worker.once('exit', early);
      worker.once('listening', (address) => {
        worker.off('exit', early);
        listening(address.port);
      });
    });
  let port: number;
  try {
    [port = config.port] = await Promise.all(Array.from({ length: count }, fork));
  } catch (error) {
    closing = true;
    for (const worker of workers()) worker.process.kill('SIGKILL');
    await sweeper.stop();
    db.$client.close();
    throw error;
  }
  cluster.on('exit', onExit);

  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    deps,
    pids: () => workers().flatMap((w) => (w.process.pid ? [w.process.pid] : [])),
    async close() {
      closing = true;
      cluster.off('exit', onExit);
      await Promise.all(workers().map(stopWorker));
      cluster.off('message', onMessage);
      await sweeper.stop();
      await truncateWal(db, config.databaseUrl).catch((error) => log.warn(`could not empty the write-ahead log: ${loggableError(error)}`));
      db.$client.close();
    },
  };
}

/** Asks a serving process to finish its requests and end; ends it after `stopWaitMs` if it has not. */
function stopWorker(worker: Worker): Promise<void> {
  if (worker.isDead()) return Promise.resolve();
  return new Promise((stopped) => {
    const force = setTimeout(() => worker.process.kill('SIGKILL'), stopWaitMs);
    worker.once('exit', () => {
      clearTimeout(force);
      stopped();
    });
    if (worker.isConnected()) worker.send(stopMessage);
    else worker.process.kill('SIGTERM');
  });
}
