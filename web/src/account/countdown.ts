import { createSignal, onCleanup } from 'solid-js';

const key = (scope: string) => `enroll.resend.${scope}`;

/**
 * The resend countdown of a code button. The deadline survives a trip to another page in the same tab
 * (sessionStorage), so coming back from the demo inbox does not offer a resend the server would refuse.
 */
export function createCountdown(scope: () => string) {
  const [now, setNow] = createSignal(Date.now());
  const [bump, setBump] = createSignal(0);
  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));

  const until = () => {
    bump();
    try {
      return Number(sessionStorage.getItem(key(scope())) ?? 0);
    } catch {
      return 0;
    }
  };
  return {
    /** Seconds left, 0 when a new code may be asked for. */
    left: () => Math.max(0, Math.ceil((until() - now()) / 1000)),
    start(seconds: number) {
      try {
        sessionStorage.setItem(key(scope()), String(Date.now() + seconds * 1000));
      } catch {
        /* private mode */
      }
      setNow(Date.now());
      setBump((n) => n + 1);
    },
  };
}
