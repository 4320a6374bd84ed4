import type { Db } from '../../db/client';
import type { Clock } from './clock';
import type { SmsLog, SmsSender } from './sms';
import { devSms } from './sms-dev';
import { httpSms } from './sms-http';

/** The SMS settings, already validated by the host's `parseConfig` (worker/config.ts): `SMS_PROVIDER` and its settings. */
export type SmsConfig =
  /** `dev` stores messages for the dev inbox and logs them; in demo mode its inbox shows sign-in codes (its job). */
  | { provider: 'dev'; demo?: boolean | undefined }
  /** `http` posts them to a provider at `SMS_HTTP_URL` with the secret `SMS_HTTP_KEY`; per-call timeout default 5000 ms. */
  | { provider: 'http'; httpUrl: string; httpKey: string; httpTimeoutMs?: number | undefined };

/** The SMS sender a host runs with; `clock` dates the dev inbox. */
export function smsFromConfig(config: SmsConfig, db: Db, log: SmsLog, clock?: Clock): SmsSender {
  if (config.provider === 'dev') return devSms(db, log, clock, { showCodes: config.demo ?? false });
  return httpSms({ url: config.httpUrl, key: config.httpKey, timeoutMs: config.httpTimeoutMs });
}
