import cluster from 'node:cluster';
import { type Clock, shiftedClock, systemClock } from '../src/adapters/clock';
import { relayedCatalog } from './catalog-relay';
import type { HostConfig } from './config';
import { startNodeHost } from './node-host';
import { clockOffsetVariable, stopMessage } from './node-primary';
import { sweepSoonMessage } from './node-sweeper';

/**
 * One serving process of a Node host of several (started by `worker/node-primary.ts`): serves HTTP on the shared port
 * against the database the primary prepared, with the primary's clock, and ends when the primary says so (or on
 * SIGINT/SIGTERM, which a terminal sends to every process of the host) after finishing its requests.
 */
export async function startServingProcess(config: HostConfig, overrides: { clock?: Clock } = {}): Promise<void> {
  const offset = Number(process.env[clockOffsetVariable] ?? 0);
  const clock: Clock = overrides.clock ?? (config.startAt ? shiftedClock(new Date(Date.now() + offset)) : systemClock);
  // A primary that ended first (killed) closes the IPC channel: this process has nothing left to serve for.
  cluster.worker?.on('error', () => process.exit(0));
  const primary = {
    send: (message: object) => (process.connected ? process.send?.(message) : undefined),
    on: (event: 'message', listener: (message: unknown) => void) => process.on(event, listener),
  };
  const host = await startNodeHost(config, {
    clock,
    serving: {
      instance: `node-${cluster.worker?.id ?? process.pid}`,
      catalog: (local) => relayedCatalog(local, primary),
      sweepSoon: () => primary.send(sweepSoonMessage),
    },
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= host.close().then(() => process.exit(0));
    return stopping;
  };
  process.on('message', (message) => {
    if ((message as typeof stopMessage | null)?.host === stopMessage.host) void stop();
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
