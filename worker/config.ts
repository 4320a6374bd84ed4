import type { RecordsConfig } from '../src/adapters/records-from-config';
import type { SmsConfig } from '../src/adapters/sms-from-config';
import * as z from 'zod';
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
  /** The address families open the platform at (https://…): SMS that ask a family to act carry a link to the page. */
  PUBLIC_URL?: string;
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
  /** The platform's public address without a trailing slash; undefined = SMS carry no links. */
  publicUrl: string | undefined;
}

/** In demo mode without `ENROLL_NOW`, the clock starts on the morning the 2024 window opened. */
export const demoStart = '2024-07-15T08:00:00+08:00';
const demoDataKey = 'demo-only-data-key-never-use-in-production';

export class ConfigError extends Error {}

/** Whether a listen address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Demo mode shows every sign-in code in its dev inbox, to anyone who can reach the host, and seeds staff accounts with
 * published passwords: it stays on loopback unless the operator says otherwise in so many words.
 */
export function assertDemoHostAllowed(config: Pick<HostConfig, 'dev' | 'devPublic' | 'host'>): void {
  if (!config.dev || config.devPublic || isLoopbackHost(config.host)) return;
  throw new ConfigError(
    `demo mode (ENROLL_DEV=1) refuses to listen on HOST=${config.host}: its dev inbox shows every sign-in code to anyone ` +
      'and its staff passwords are public. Use a loopback HOST (127.0.0.1), or set ENROLL_DEV_PUBLIC=1 if you really mean it ' +
      '(demo mode is never for real families; see README "Deploying for real").',
  );
}

const truthy = (value: string | undefined) => value === '1' || value === 'true';

/** A provider's base URL: http(s), trimmed; `name` is the variable the operator's message names. */
function serviceUrl(name: string, provider: string, extra?: (url: URL) => string | undefined) {
  const required = `${name} is required when ${provider}`;
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .transform((text, ctx) => {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: `${name} is not a URL: ${text}` });
        return z.NEVER;
      }
      const wrong =
        url.protocol !== 'https:' && url.protocol !== 'http:' ? `${name} must be an http(s) URL, not ${url.protocol}` : extra?.(url);
      if (wrong) ctx.addIssue({ code: 'custom', message: wrong });
      return text;
    });
}

function secret(name: string, provider: string) {
  const required = `${name} is required when ${provider} (set it as a secret)`;
  return z.string({ error: required }).trim().min(1, required);
}

const providerMessage = (name: string, values: string[], got: unknown) =>
  `${name} must be ${values.map((v) => `"${v}"`).join(' or ')} ` +
  (got === undefined ? '(outside demo mode it must be set)' : `(outside demo mode it must be set), not ${JSON.stringify(got)}`);

const smsSchema = z.discriminatedUnion(
  'provider',
  [
    z.object({ provider: z.literal('dev'), demo: z.boolean() }),
    z.object({
      provider: z.literal('http'),
      httpUrl: serviceUrl('SMS_HTTP_URL', 'SMS_PROVIDER=http'),
      httpKey: secret('SMS_HTTP_KEY', 'SMS_PROVIDER=http'),
    }),
  ],
  { error: (issue) => providerMessage('SMS_PROVIDER', ['dev', 'http'], (issue.input as { provider?: unknown } | undefined)?.provider) },
);

const recordsSchema = z.discriminatedUnion(
  'provider',
  [
    z.object({ provider: z.literal('local') }),
    z.object({
      provider: z.literal('http'),
      httpUrl: serviceUrl('RECORDS_HTTP_URL', 'RECORDS_PROVIDER=http', (url) => {
        if (url.username || url.password) return 'RECORDS_HTTP_URL must not hold credentials: put the key in RECORDS_HTTP_KEY';
        if (url.search || url.hash)
          return 'RECORDS_HTTP_URL must be a base URL without query or fragment (operations are appended as /<operation>)';
        return undefined;
      }),
      httpKey: secret('RECORDS_HTTP_KEY', 'RECORDS_PROVIDER=http'),
    }),
  ],
  {
    error: (issue) => providerMessage('RECORDS_PROVIDER', ['local', 'http'], (issue.input as { provider?: unknown } | undefined)?.provider),
  },
);

/**
 * The whole configuration, validated here once (both hosts): the adapters' factories take its typed result and check
 * nothing again. Keys are in the order problems are reported (the first one is the message).
 */
function hostSchema(dev: boolean) {
  return z.object({
    databaseUrl: z.string({ error: 'DATABASE_URL is required' }).min(1, 'DATABASE_URL is required'),
    dataKey: z
      .string({ error: 'DATA_KEY is required outside demo mode (ENROLL_DEV=1)' })
      .min(1, 'DATA_KEY is required outside demo mode (ENROLL_DEV=1)')
      .refine((key) => dev || key.length >= 32, 'DATA_KEY must be at least 32 characters'),
    startAt: z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (!text) return undefined;
        const at = new Date(text);
        if (Number.isNaN(at.getTime())) ctx.addIssue({ code: 'custom', message: `ENROLL_NOW is not an ISO instant: ${text}` });
        return at;
      }),
    port: z.string().transform((text, ctx) => {
      const port = Number(text);
      if (!Number.isInteger(port) || port < 0 || port > 65535) ctx.addIssue({ code: 'custom', message: `PORT is not a port: ${text}` });
      return port;
    }),
    sms: smsSchema,
    records: recordsSchema,
    smsHourlyBudget: z.string().transform((text, ctx) => {
      const budget = Number(text);
      if (!Number.isInteger(budget) || budget < 1)
        ctx.addIssue({ code: 'custom', message: `SMS_HOURLY_BUDGET is not a positive whole number: ${text}` });
      return budget;
    }),
    publicUrl: z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (!text?.trim()) return undefined;
        let url: URL | null;
        try {
          url = new URL(text.trim());
        } catch {
          url = null;
        }
        if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
          ctx.addIssue({ code: 'custom', message: `PUBLIC_URL must be the platform's http(s) address without query or fragment: ${text}` });
          return undefined;
        }
        return url.href.replace(/\/+$/, '');
      }),
  });
}

/**
 * Parses and validates every configuration name of both hosts into a `HostConfig`, or throws `ConfigError` whose
 * message names the setting to fix. The only place configuration is checked.
 */
export function parseConfig(env: HostEnv, defaults: { databaseUrl?: string } = {}): HostConfig {
  const dev = truthy(env.ENROLL_DEV);
  const parsed = hostSchema(dev).safeParse({
    databaseUrl: env.DATABASE_URL || defaults.databaseUrl,
    dataKey: env.DATA_KEY || (dev ? demoDataKey : undefined),
    startAt: env.ENROLL_NOW || (dev ? demoStart : undefined),
    port: env.PORT || '8787',
    sms: { provider: env.SMS_PROVIDER || (dev ? 'dev' : undefined), httpUrl: env.SMS_HTTP_URL, httpKey: env.SMS_HTTP_KEY, demo: dev },
    records: {
      provider: env.RECORDS_PROVIDER || (dev ? 'local' : undefined),
      httpUrl: env.RECORDS_HTTP_URL,
      httpKey: env.RECORDS_HTTP_KEY,
    },
    smsHourlyBudget: env.SMS_HOURLY_BUDGET || String(defaultSmsHourlyBudget),
    publicUrl: env.PUBLIC_URL,
  });
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]?.message ?? 'the configuration is invalid');
  const host = env.HOST || '127.0.0.1';
  const devPublic = dev && truthy(env.ENROLL_DEV_PUBLIC);
  assertDemoHostAllowed({ dev, devPublic, host });
  return {
    ...parsed.data,
    host,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    dev,
    devPublic,
    filesDir: env.FILES_DIR || './data/files',
  };
}
