import { maskIdNumbersInText, maskPhone } from './masking';

/**
 * What a third party's answer (an SMS provider's error, a network error) may echo back of a message we sent: it is
 * redacted before it reaches a log or `outbox.last_error`.
 */
export interface SentMessage {
  phone: string;
  body: string;
}

const separator = '[\\s\\u3000\\-.()（）]{0,2}';
/**
 * A mainland mobile number as people and systems write it: `13800130500`, `138-0013-0500`, `138 0013 0500`,
 * `(138) 0013 0500`, with `+86`, `0086` or `86` in front; not when it continues a longer run of digits.
 */
const mobileShaped = new RegExp(`(?<![0-9])(?:(?:\\+|00)?86${separator})?1${separator}[3-9](?:${separator}[0-9]){9}(?![0-9])`, 'g');
/** A one-time code on its own: six digits that are not part of a longer (or already masked) number. */
const bareCode = /(?<![0-9*])[0-9]{6}(?![0-9*])/g;
/** Digit runs of a message body worth hiding wherever they show up (codes, numbers): four digits or more. */
const secretDigits = /[0-9]{4,}/g;

const digitsOf = (text: string) => text.replace(/[^0-9]/g, '');

/**
 * `text` with every trace of `message` and of personal data removed: the whole body, any mobile number in any of
 * its written forms (masked as `138****0500`), the digit runs of the body (the sign-in code) and any bare six-digit
 * code, and ID-number-shaped text. Pure: the outbox and the HTTP adapter call it on whatever a provider answered.
 *
 * @example redactEcho('bad number +86 138-0013-0500, code 482913', { phone: '13800130500', body: '…验证码为482913…' })
 * // 'bad number 138****0500, code ******'
 */
export function redactEcho(text: string, message?: SentMessage): string {
  let out = text;
  if (message?.body) out = out.split(message.body).join('[body]');
  out = out.replace(mobileShaped, (run) => maskPhone(digitsOf(run).slice(-11)));
  out = maskIdNumbersInText(out);
  if (message?.phone) out = out.split(message.phone).join(maskPhone(message.phone));
  for (const run of new Set(message?.body.match(secretDigits) ?? [])) out = out.split(run).join('*'.repeat(run.length));
  return out.replace(bareCode, '******');
}

/** The outbox key of a sign-in or change-phone code's SMS: `code:<sms_codes.id>`. */
export const codeNoticePrefix = 'code:';
export const codeNoticeKey = (codeId: string) => `${codeNoticePrefix}${codeId}`;
/** Whether an outbox key is a code's SMS (its text carries a live secret; it is never resent). */
export const isCodeNoticeKey = (idempotencyKey: string) => idempotencyKey.startsWith(codeNoticePrefix);

/** What an SMS carrying a one-time code keeps once it no longer needs sending: no code. */
export const redactedCodeBody = '【验证码短信】已发送或已失效，验证码不再保存';

/**
 * The body an SMS may be kept with after it was sent (or given up, or its code died): a code's SMS loses the code,
 * every other notice stays as written. The outbox applies the same rule in SQL (`isCodeNotice`).
 */
export function bodyToKeep(idempotencyKey: string, body: string): string {
  return isCodeNoticeKey(idempotencyKey) ? redactedCodeBody : body;
}
