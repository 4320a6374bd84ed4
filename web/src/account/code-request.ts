import { type Problem, waitSeconds } from '../lib/problem';
import { api, type RouterInputs, type RouterOutputs } from '../lib/trpc';
import { useWrite, write } from '../lib/write';
import { createCountdown } from './countdown';

type CodePurpose = NonNullable<RouterInputs['auth']['requestCode']['purpose']>;
type CodeSent = RouterOutputs['auth']['requestCode'];

/** Sends a code by SMS (the server holds the resend limit). */
const requestCode = write('account.requestCode', (input: RouterInputs['auth']['requestCode']) => api.auth.requestCode.mutate(input));

/**
 * 获取验证码 for `phone()`: the request, whether it is on its way, and the resend countdown (one per purpose and
 * number). A refusal for asking too soon restarts the countdown from the seconds the server still holds.
 */
export function createCodeRequest(options: {
  purpose: CodePurpose;
  phone: () => string;
  onSent?: (sent: CodeSent) => void;
  onFailed: (problem: Problem) => void;
}) {
  const request = useWrite(requestCode, ([input]) => input.purpose === options.purpose);
  const countdown = createCountdown(() => `${options.purpose}:${options.phone().trim()}`);

  const send = async () => {
    const outcome = await request.run({ phone: options.phone(), purpose: options.purpose });
    if (!outcome) return;
    if (outcome.ok) {
      countdown.start(outcome.value.resendAfterSeconds);
      options.onSent?.(outcome.value);
      return;
    }
    const wait = waitSeconds(outcome.problem);
    if (wait) countdown.start(wait);
    options.onFailed(outcome.problem);
  };

  return { sending: request.pending, secondsLeft: countdown.left, send };
}
