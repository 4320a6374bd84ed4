/**
 * Sending one SMS. Two implementations: `devSms` (stores the message for the dev inbox and logs it) and `httpSms`
 * (a JSON provider). Hosts pick one with `smsFromConfig`. The outbox (`src/services/outbox.ts`) is the only caller:
 * it hands every message its idempotency key, retries retryable failures with the same key and parks the rest.
 */

export interface SmsMessage {
  /** Mainland mobile number, normalised (`13812345678`). */
  phone: string;
  /** The text; it may hold a sign-in code, so it is never logged outside the dev adapter. */
  body: string;
  /** Stable per notice: a retried message carries the same key, so a provider delivers it once. */
  idempotencyKey: string;
}

export interface SmsSender {
  /** Resolves once the provider accepted the message; rejects with `SmsSendError` otherwise. */
  send(message: SmsMessage): Promise<void>;
}

/** Where adapters and the outbox write what they did. */
export type SmsLog = Pick<Console, 'info' | 'warn' | 'error'>;

/**
 * A failed send. `retryable`: worth trying again later with the same idempotency key (timeouts, network errors,
 * 5xx, 429); otherwise the provider refused the message for good (other 4xx: bad number, bad key, …).
 * The message never contains the SMS body.
 */
export class SmsSendError extends Error {
  readonly retryable: boolean;
  /** The provider's HTTP status, when it answered. */
  readonly status: number | undefined;

  constructor(message: string, options: { retryable: boolean; status?: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SmsSendError';
    this.retryable = options.retryable;
    this.status = options.status;
  }
}

/** HTTP statuses worth retrying: the provider is busy, overloaded, rate-limiting or broken for now. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 409 || status === 425 || status === 429;
}
