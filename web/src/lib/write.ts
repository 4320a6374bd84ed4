import { type Action, action, type CustomResponse, json, type Submission, useAction, useSubmissions } from '@solidjs/router';
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
 * One component's use of a write: its submissions (those `mine` accepts; `run` clears the earlier ones, so the last is
 * the one that counts), pending while it is on its way, the typed problem if it failed. Submissions live in the
 * router: they are cleared when the component goes, so a page visited again starts clean.
 */
export function useWrite<T extends unknown[], U>(act: Action<T, CustomResponse<U>>, mine?: (input: T) => boolean) {
  const submissions = useSubmissions(act, mine);
  const send = useAction(act) as (...args: T) => Promise<U>;
  /** Its `input`, and its `result` (held only when the write answers something) or `error` (as thrown). */
  const last = () => submissions[submissions.length - 1] as Submission<T, U> | undefined;
  const clear = () => {
    for (const s of [...submissions]) s.clear();
  };
  onCleanup(clear);
  const pending = () => last()?.pending === true;
  return {
    pending,
    last,
    problem: (): Problem | undefined => {
      const error = last()?.error;
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
