import { createSignal, onCleanup } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { api } from '../lib/trpc';
import { keepaliveApi } from '../lib/trpc-keepalive';
import { useWrite, write } from '../lib/write';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/** After a dropped connection, unsaved fields are tried again this much later. */
const retryAfterMs = 3000;

/** Saves some of the form's fields; what the server refuses comes back as the typed error. */
const saveFields = write('apply.saveFields', async (applicationId: string, fields: Record<string, unknown>) => {
  await api.applications.save.mutate({ applicationId, fields });
});

/**
 * Saves the form's fields to the server as the parent edits them (`applications.save` takes any subset). Changes
 * are gathered for `delay` ms and sent together, one request at a time. A field the server refuses keeps its
 * message and is left out, so the other fields of the same request are still saved; a dropped connection keeps
 * everything queued and tries again. `onSaved` hears which fields the server now holds.
 */
export function createDraftSaver(
  applicationId: string,
  initial: Record<string, unknown>,
  onSaved: (fields: Record<string, unknown>) => void,
) {
  const saved: Record<string, unknown> = { ...initial };
  let pending: Record<string, unknown> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  const [status, setStatus] = createSignal<SaveStatus>('idle');
  const [errors, setErrors] = createStore<Record<string, string | undefined>>({});
  const [formError, setFormError] = createSignal<string>();
  const saving = useWrite(saveFields);

  /**
   * The parent leaves (back, another app, closing the tab) within the typing pause: what is queued goes now, in a
   * request the browser finishes after the page is gone, so nothing typed is lost.
   */
  const sendBeforeLeaving = () => {
    if (Object.keys(pending).length === 0) return;
    clearTimeout(timer);
    const fields = pending;
    pending = {};
    keepaliveApi.applications.save.mutate({ applicationId, fields }).then(
      () => {
        Object.assign(saved, fields);
        onSaved(fields);
      },
      // Still here (the page was only hidden): the ordinary save takes them up, with its handling of refused
      // fields and of a dropped connection.
      () => {
        pending = { ...fields, ...pending };
        schedule(0);
      },
    );
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') sendBeforeLeaving();
  };
  window.addEventListener('pagehide', sendBeforeLeaving);
  document.addEventListener('visibilitychange', onHidden);
  onCleanup(() => {
    clearTimeout(timer);
    window.removeEventListener('pagehide', sendBeforeLeaving);
    document.removeEventListener('visibilitychange', onHidden);
    // Leaving the form inside the app (a link, the back button) ends the component: send what is queued too.
    sendBeforeLeaving();
  });

  const hasErrors = () => Object.values(errors).some(Boolean);

  async function send(fields: Record<string, unknown>): Promise<void> {
    setStatus('saving');
    let batch = fields;
    while (Object.keys(batch).length > 0) {
      // One request at a time (`flush` waits for the last): `run` never finds one on its way.
      const outcome = (await saving.run(applicationId, batch))!;
      if (outcome.ok) {
        for (const [field, value] of Object.entries(batch)) {
          saved[field] = value;
          setErrors(field, undefined);
        }
        setFormError(undefined);
        onSaved(batch);
        break;
      }
      const problem = outcome.problem;
      const refused = Object.keys(batch).filter((field) => problem.fields[field]);
      if (problem.code && refused.length > 0) {
        for (const field of refused) setErrors(field, problem.fields[field]);
        batch = Object.fromEntries(Object.entries(batch).filter(([field]) => !refused.includes(field)));
        continue;
      }
      setFormError(problem.message);
      if (!problem.code) {
        pending = { ...batch, ...pending };
        schedule(retryAfterMs);
      }
      setStatus('failed');
      return;
    }
    setStatus(hasErrors() ? 'failed' : 'saved');
  }

  function schedule(delay: number) {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), delay);
  }

  /** Sends whatever is queued now, and resolves once the server holds it (or refused it). */
  async function flush(): Promise<void> {
    clearTimeout(timer);
    while (running) await running;
    if (Object.keys(pending).length === 0) return;
    const fields = pending;
    pending = {};
    running = send(fields).finally(() => {
      running = null;
    });
    await running;
  }

  return {
    status,
    formError,
    error: (field: string) => errors[field],
    hasErrors,
    /** Is anything typed not yet on the server? */
    dirty: () => Object.keys(pending).length > 0 || running !== null,
    /** `value` for `field` (`null` clears it), sent after `delay` ms of quiet; unchanged values are not sent again. */
    change(field: string, value: unknown, delay: number) {
      if (Object.is(saved[field], value) && !errors[field]) {
        delete pending[field];
        return;
      }
      pending[field] = value;
      schedule(delay);
    },
    flush,
    reset: () => setErrors(reconcile({})),
  };
}

export type DraftSaver = ReturnType<typeof createDraftSaver>;
