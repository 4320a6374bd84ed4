import type { Db } from '../../db/client';
import type { Clock } from './clock';
import type { SmsLog, SmsSender } from './sms';
import { devSms } from './sms-dev';
import { httpSms } from './sms-http';

export interface SmsConfig {
  /** `SMS_PROVIDER`: `dev` stores messages for the dev inbox and logs them; `http` posts them to a provider. */
  provider: 'dev' | 'http';
  /** `SMS_HTTP_URL`, required for `http`. */
  httpUrl?: string | undefined;
  /** `SMS_HTTP_KEY` (a secret), required for `http`. */
  httpKey?: string | undefined;
  /** Per-call timeout of the `http` provider; default 5000 ms. */
  httpTimeoutMs?: number | undefined;
  /** Demo mode: the `dev` provider's inbox shows sign-in codes (its job); outside demo mode it keeps none. */
  demo?: boolean | undefined;
}

/** The SMS settings are unusable; the message names the setting to fix. */
export class SmsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SmsConfigError';
  }
}

/**
 * The SMS sender a host runs with. Throws `SmsConfigError` for an unknown provider or missing/invalid http settings,
 * so a misconfigured host fails at start instead of losing sign-in codes. `clock` dates the dev inbox.
 *
 * @example const sms = smsFromConfig({ provider: env.SMS_PROVIDER, httpUrl: env.SMS_HTTP_URL, httpKey: env.SMS_HTTP_KEY }, db, log, clock);
 */
export function smsFromConfig(config: SmsConfig, db: Db, log: SmsLog, clock?: Clock): SmsSender {
  const provider = config.provider as string;
  if (provider === 'dev') return devSms(db, log, clock, { showCodes: config.demo ?? false });
  if (provider !== 'http') {
    throw new SmsConfigError(`SMS_PROVIDER must be "dev" or "http", not ${JSON.stringify(config.provider)}`);
  }
  const url = config.httpUrl?.trim();
  const key = config.httpKey?.trim();
  if (!url) throw new SmsConfigError('SMS_HTTP_URL is required when SMS_PROVIDER=http');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SmsConfigError(`SMS_HTTP_URL is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new SmsConfigError(`SMS_HTTP_URL must be an http(s) URL, not ${parsed.protocol}`);
  }
  if (!key) throw new SmsConfigError('SMS_HTTP_KEY is required when SMS_PROVIDER=http (set it as a secret)');
  const timeoutMs = config.httpTimeoutMs;
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new SmsConfigError(`the SMS timeout must be a positive number of milliseconds, not ${timeoutMs}`);
  }
  return httpSms({ url, key, timeoutMs });
}
