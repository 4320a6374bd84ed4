import type { RecordsConfig } from '../src/adapters/records-from-config';
import type { SmsConfig } from '../src/adapters/sms-from-config';
import { defaultSmsHourlyBudget } from '../src/domain/limits';

/** Configuration names shared by both hosts (DESIGN.md "Configuration"). */
export interface HostEnv {
  PORT?: string;
  HOST?: string;
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
  DATA_KEY?: string;
  ENROLL_NOW?: string;
  ENROLL_DEV?: string;
  /** `1` lets demo mode listen on a non-loopback HOST (its dev inbox shows every sign-in code to anyone). */
  ENROLL_DEV_PUBLIC?: string;
  SMS_PROVIDER?: string;
  SMS_HTTP_URL?: string;
  SMS_HTTP_KEY?: string;
  RECORDS_PROVIDER?: string;
  RECORDS_HTTP_URL?: string;
  RECORDS_HTTP_KEY?: string;
  /** Sign-in and change-phone codes the whole platform may send per hour (an alarm tells administrators when reached). */
  SMS_HOURLY_BUDGET?: string;
  /** Node host only: the folder that keeps uploaded documents (the Worker uses its R2 binding `DOCUMENTS`). */
  FILES_DIR?: string;
}

export interface HostConfig {
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  dataKey: string;
  dev: boolean;
  /** Demo mode was explicitly allowed on a non-loopback host (`ENROLL_DEV_PUBLIC=1`). */
  devPublic?: boolean;
  /** The instant the clock shows at start (then it runs forward); undefined = real time. */
  startAt: Date | undefined;
  sms: SmsConfig;
  records: RecordsConfig;
  /** Node host: where uploaded documents are kept. */
  filesDir: string;
  smsHourlyBudget: number;
}

/** In demo mode without `ENROLL_NOW`, the clock starts on the morning the 2024 window opened. */
export const demoStart = '2024-07-15T08:00:00+08:00';
const demoDataKey = 'demo-only-data-key-never-use-in-production';

export class ConfigError extends Error {}

/** Whether a listen address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Demo mode shows every sign-in code in its dev inbox, to anyone who can reach the host, and seeds staff accounts with
 * published passwords: it stays on loopback unless the operator says otherwise in so many words.
 */
export function assertDemoHostAllowed(config: Pick<HostConfig, 'dev' | 'devPublic' | 'host'>): void {
  if (!config.dev || config.devPublic || isLoopbackHost(config.host)) return;
  throw new ConfigError(
    `demo mode (ENROLL_DEV=1) refuses to listen on HOST=${config.host}: its dev inbox shows every sign-in code to anyone `
    + 'and its staff passwords are public. Use a loopback HOST (127.0.0.1), or set ENROLL_DEV_PUBLIC=1 if you really mean it '
    + '(demo mode is never for real families; see README "Deploying for real").',
  );
}

export function readConfig(env: HostEnv, defaults: { databaseUrl?: string } = {}): HostConfig {
  const dev = env.ENROLL_DEV === '1' || env.ENROLL_DEV === 'true';
  const databaseUrl = env.DATABASE_URL || defaults.databaseUrl;
  if (!databaseUrl) throw new ConfigError('DATABASE_URL is required');
  const dataKey = env.DATA_KEY || (dev ? demoDataKey : undefined);
  if (!dataKey) throw new ConfigError('DATA_KEY is required outside demo mode (ENROLL_DEV=1)');
  if (dataKey.length < 32 && !dev) throw new ConfigError('DATA_KEY must be at least 32 characters');
  const start = env.ENROLL_NOW || (dev ? demoStart : undefined);
  const startAt = start ? new Date(start) : undefined;
  if (startAt && Number.isNaN(startAt.getTime())) throw new ConfigError(`ENROLL_NOW is not an ISO instant: ${start}`);
  const port = Number(env.PORT || 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT is not a port: ${env.PORT}`);
  const smsProvider = env.SMS_PROVIDER || (dev ? 'dev' : undefined);
  if (smsProvider !== 'dev' && smsProvider !== 'http') {
    throw new ConfigError('SMS_PROVIDER must be "dev" or "http" (outside demo mode it must be set)');
  }
  const recordsProvider = env.RECORDS_PROVIDER || (dev ? 'local' : undefined);
  if (recordsProvider !== 'local' && recordsProvider !== 'http') {
    throw new ConfigError('RECORDS_PROVIDER must be "local" or "http" (outside demo mode it must be set)');
  }
  const host = env.HOST || '127.0.0.1';
  const devPublic = dev && (env.ENROLL_DEV_PUBLIC === '1' || env.ENROLL_DEV_PUBLIC === 'true');
  assertDemoHostAllowed({ dev, devPublic, host });
  const smsHourlyBudget = Number(env.SMS_HOURLY_BUDGET || defaultSmsHourlyBudget);
  if (!Number.isInteger(smsHourlyBudget) || smsHourlyBudget < 1) throw new ConfigError(`SMS_HOURLY_BUDGET is not a positive whole number: ${env.SMS_HOURLY_BUDGET}`);
  return {
    port,
    host,
    databaseUrl,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    dataKey,
    dev,
    devPublic,
    startAt,
    sms: { provider: smsProvider, httpUrl: env.SMS_HTTP_URL, httpKey: env.SMS_HTTP_KEY, demo: dev },
    records: { provider: recordsProvider, httpUrl: env.RECORDS_HTTP_URL, httpKey: env.RECORDS_HTTP_KEY },
    filesDir: env.FILES_DIR || './data/files',
    smsHourlyBudget,
  };
}
