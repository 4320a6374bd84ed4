import { redactEcho } from '../domain/redaction';
import { isRetryableStatus, type SmsSender, SmsSendError } from './sms';

export interface HttpSmsOptions {
  /** The provider's send endpoint (`SMS_HTTP_URL`). */
  url: string;
  /** The provider's API key (`SMS_HTTP_KEY`), sent as `Authorization: Bearer <key>`. */
  key: string;
  /** Give up on a call after this long; the outbox retries it later with the same idempotency key. */
  timeoutMs?: number;
  /** Injected fetch (tests); default the platform's global `fetch` (Workers and Node alike). */
  fetch?: typeof fetch;
}

/** How much of a refusal's answer is kept in `last_error` and logs. */
const answerExcerpt = 160;

/**
 * An SMS provider over HTTP: `POST url` with JSON `{ phone, body }`, `Authorization: Bearer <key>` and
 * `Idempotency-Key: <the outbox key>`. Any 2xx is success. Timeouts, network errors, 5xx and 408/409/425/429 reject
 * with a retryable `SmsSendError`; other answers (400, 401, 403, 404, 3xx, …) with a final one.
 * Uses fetch and AbortSignal only, so it runs in the Worker and under Node.
 *
 * @example const sms = httpSms({ url: env.SMS_HTTP_URL, key: env.SMS_HTTP_KEY });
 */
export function httpSms(options: HttpSmsOptions): SmsSender {
  const timeoutMs = options.timeoutMs ?? 5000;
  // Not `options.fetch ?? fetch` stored as a method: the Workers runtime refuses a detached `fetch` ("Illegal invocation").
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));

  return {
    async send(message) {
      const signal = AbortSignal.timeout(timeoutMs);
      let response: Response;
      let answer: string;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${options.key}`,
            'Idempotency-Key': message.idempotencyKey,
          },
          body: JSON.stringify({ phone: message.phone, body: message.body }),
          redirect: 'manual',
          signal,
        });
        // Read the answer under the same deadline: it frees the connection, and a stalled body is a timeout too.
        answer = await response.text();
      } catch (error) {
        if (signal.aborted) {
          throw new SmsSendError(`SMS provider timed out after ${timeoutMs} ms`, { retryable: true, cause: error });
        }
        throw new SmsSendError(`SMS provider unreachable: ${redactEcho(describeNetworkError(error), message)}`, {
          retryable: true,
          cause: error,
        });
      }
      if (response.ok) return;
      // A provider may echo what it was sent: the body (sign-in codes) and the number, in any format.
      const excerpt = redactEcho(answer.replace(/\s+/g, ' '), message).trim().slice(0, answerExcerpt);
      throw new SmsSendError(`SMS provider answered ${response.status}${excerpt ? `: ${excerpt}` : ''}`, {
        retryable: isRetryableStatus(response.status),
        status: response.status,
      });
    },
  };
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${(error.cause as Error & { code?: string }).code ?? error.cause.message})` : '';
  return `${error.message}${cause}`;
}
