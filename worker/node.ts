import cluster from 'node:cluster';
import { formatChinaDateTime } from '../src/domain/china-time';
import { ConfigError, parseConfig } from './config';
import { startNodeHost } from './node-host';
import { startPrimary } from './node-primary';
import { processCount } from './node-processes';
import { startServingProcess } from './node-serving';

try {
  const config = parseConfig(process.env, { databaseUrl: 'file:./data/enrollment.db' });
  if (cluster.isWorker) {
    await startServingProcess(config);
  } else {
    const processes = processCount(process.env);
    const host = processes === 1 ? await startNodeHost(config) : await startPrimary(config, processes);
    const now = host.deps.clock.now();
    console.info(`入学报名平台 listening on ${host.url}${processes === 1 ? '' : ` (${processes} processes)`}`);
    console.info(
      `database ${config.databaseUrl}; clock ${config.startAt ? 'shifted' : 'real'}, now ${formatChinaDateTime(now)} (China time)${config.dev ? '; demo mode' : ''}`,
    );
    const stop = () => host.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`configuration: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
