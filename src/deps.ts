import type { Db } from '../db/client';
import type { Clock } from './adapters/clock';
import type { FileStore } from './adapters/files';
import type { RandomSource } from './adapters/random';
import type { AuthorityRecords } from './adapters/records';
import type { SmsSender } from './adapters/sms';
import type { Vault } from './adapters/vault';
import type { CatalogCache } from './services/catalog-cache';
import type { RushGauge } from './services/rush';

/** Everything the app needs from its host. Each host builds it once; tests build it with a temp database. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  /** Random bytes for ids, codes and numbers (WebCrypto unless a test passes a seeded source). */
  random: RandomSource;
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
  /** The public catalog's rows this host keeps in memory (one per Node process or Worker isolate). */
  catalog: CatalogCache;
  /** `SMS_HOURLY_BUDGET`: codes the platform may send per hour (default in src/domain/limits.ts). */
  smsHourlyBudget?: number;
  /**
   * Policy pages' Markdown to the HTML that is stored and shown (src/render/policy-markdown.ts): called directly on
   * Node, through the render Worker's service binding in the Worker, whose bundle carries no Markdown code.
   */
  renderMarkdown: (markdown: string) => Promise<string>;
  /** The platform's public address (no trailing slash): SMS that ask a family to act link to the page. */
  publicUrl?: string;
  /** Submissions in flight in this process or isolate: in a rush their SMS and checks go to the sweeper (decision 029). */
  rush?: RushGauge;
}
