import type { Db } from '../../db/client';
import type { Clock } from '../adapters/clock';
import type { FileStore } from '../adapters/files';
import type { AuthorityRecords } from '../adapters/records';
import type { SmsSender } from '../adapters/sms';
import type { Vault } from '../adapters/vault';

/** Everything the app needs from its host. Each host builds it once; tests build it with a temp database. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  vault: Vault;
  sms: SmsSender;
  /** Uploaded documents' bytes. */
  files: FileStore;
  /** Authority records (系统可查验). */
  records: AuthorityRecords;
  /** Which records implementation answers (stored with each result). */
  recordsSource: string;
  /** Demo mode (`ENROLL_DEV=1`): dev inbox visible, demo accounts seeded. */
  dev: boolean;
  log: Pick<Console, 'info' | 'warn' | 'error'>;
  /** `SMS_HOURLY_BUDGET`: codes the platform may send per hour (default in src/domain/limits.ts). */
  smsHourlyBudget?: number;
}

/** How the caller presented a session, if at all. */
export interface Credentials {
  token: string | null;
  via: 'cookie' | 'bearer' | null;
}

export type Context = {
  deps: AppDeps;
  requestId: string;
  /** The caller's address as the host reports it; null when unknown. */
  ip: string | null;
  credentials: Credentials;
  /** The staff session presented: the staff cookie or the same bearer token (looked up among staff sessions). */
  staffCredentials: Credentials;
  /** Origin (or Referer) of the request against our own host: true same, false foreign, null not sent. */
  sameOrigin: boolean | null;
  /** Whether cookies must be `Secure` (everywhere except plain http on a loopback host). */
  secureCookies: boolean;
  setCookie(header: string): void;
  /** Takes one of the password checks this HTTP request may run (the batch's calls share them); false when none is left. */
  spendPasswordCheck(): boolean;
  /** Work to do once the answer is on its way (waitUntil at the edge, the next tick under Node). */
  afterResponse(task: () => Promise<unknown>): void;
};
