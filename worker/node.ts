import { formatChinaDateTime } from '../src/domain/china-time';
import { ConfigError, parseConfig } from './config';
import { startNodeHost } from './node-host';

try {
  const config = parseConfig(process.env, { databaseUrl: 'file:./data/enrollment.db' });
  const host = await startNodeHost(config);
  const now = host.deps.clock.now();
  console.info(`入学报名平台 listening on ${host.url}`);
  console.info(
    `database ${config.databaseUrl}; clock ${config.startAt ? 'shifted' : 'real'}, now ${formatChinaDateTime(now)} (China time)${config.dev ? '; demo mode' : ''}`,
  );
  const stop = () => host.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`configuration: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
