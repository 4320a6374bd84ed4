import { type Action, action, type CustomResponse, json, useAction, useSubmissions } from '@solidjs/router';
import { onCleanup } from 'solid-js';
import { type Problem, problemOf } from './problem';

/**
 * A write to the API as a router action. It refreshes nothing by itself (the router's default is every read on the
 * page): `send` refreshes exactly the reads it changed, before the action counts as done.
 */
export function write<T extends unknown[], U>(name: string, send: (...args: T) => Promise<U>) {
  return action(async (...args: T) => json(await send(...args), { revalidate: [] }), name);
}

export type Outcome<U> = { ok: true; value: U } | { ok: false; problem: Problem };

/**
 * One component's use of a write: its submissions (those `mine` accepts), pending while one is on its way, the typed
 * problem of the last one that failed. Submissions live in the router: they are cleared when the component goes, so
 * a page visited again starts clean.
 */
export function useWrite<T extends unknown[], U>(act: Action<T, CustomResponse<U>>, mine?: (input: T) => boolean) {
  const submissions = useSubmissions(act, mine);
  const send = useAction(act) as (...args: T) => Promise<U>;
  const all = () => Array.from({ length: submissions.length }, (_, i) => submissions[i]!);
  const latest = () => submissions[submissions.length - 1];
  const clear = () => all().forEach((s) => s.clear());
  onCleanup(clear);
  const pending = () => all().some((s) => s.pending);
  return {
    pending,
    /** The input of the submission on its way, if any. */
    input: () => all().find((s) => s.pending)?.input as T | undefined,
    /** What the last submission answered, while it is held. */
    value: () => latest()?.result as U | undefined,
    /** The last submission went through (and its value is still held: a write that answers nothing is forgotten). */
    saved: () => latest()?.result !== undefined,
    /** The input of the last submission, if it failed. */
    failedInput: () => { const last = latest(); return last?.error === undefined ? undefined : (last.input as T); },
    /** What the last failed submission threw, as thrown (for errors that are not the API's). */
    error: (): unknown => latest()?.error,
    problem: (): Problem | undefined => {
      const error = latest()?.error;
      return error === undefined ? undefined : problemOf(error);
    },
    clear,
    /** Sends once at a time (a second call while pending is ignored); never throws. */
    async run(...args: T): Promise<Outcome<U> | undefined> {
      if (pending()) return undefined;
      clear();
      try {
        return { ok: true, value: await send(...args) };
      } catch (error) {
        return { ok: false, problem: problemOf(error) };
      }
    },
  };
}
