import { parseConfig } from '../../worker/config';
import { startNodeHost } from '../../worker/node-host';

/**
 * The Node host as `npm run serve` runs it (configuration from the environment), with the sweeper every
 * CRASH_SWEEP_MS instead of every minute so that the crash bench does not wait for it. Run as `node --import tsx`,
 * a single process, so that `kill -9` kills the host itself and nothing is left behind.
 */
const host = await startNodeHost(parseConfig(process.env), { sweepEveryMs: Number(process.env.CRASH_SWEEP_MS ?? 1000) });
console.info(`listening ${host.url}`);
process.once('SIGTERM', () => {
  void host.close().then(() => process.exit(0));
});
