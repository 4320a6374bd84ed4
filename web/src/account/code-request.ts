import { createSignal } from 'solid-js';
import { type Problem, problemOf, waitSeconds } from '../lib/problem';
import { api, type RouterInputs, type RouterOutputs } from '../lib/trpc';
import { createCountdown } from './countdown';

type CodePurpose = NonNullable<RouterInputs['auth']['requestCode']['purpose']>;
type CodeSent = RouterOutputs['auth']['requestCode'];

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
  const [sending, setSending] = createSignal(false);
  const countdown = createCountdown(() => `${options.purpose}:${options.phone().trim()}`);

  const send = async () => {
    setSending(true);
    try {
      const sent = await api.auth.requestCode.mutate({ phone: options.phone(), purpose: options.purpose });
      countdown.start(sent.resendAfterSeconds);
      options.onSent?.(sent);
    } catch (error) {
      const problem = problemOf(error);
      const wait = waitSeconds(problem);
      if (wait) countdown.start(wait);
      options.onFailed(problem);
    } finally {
      setSending(false);
    }
  };

  return { sending, secondsLeft: countdown.left, send };
}
