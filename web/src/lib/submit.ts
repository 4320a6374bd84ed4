import { createSignal } from 'solid-js';

/** A form's submit handler: the page stays put, and `send` runs once at a time, with `pending()` true meanwhile. */
export function createSubmit(send: () => Promise<void>) {
  const [pending, setPending] = createSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    setPending(true);
    try {
      await send();
    } finally {
      setPending(false);
    }
  };
  return { pending, submit };
}
