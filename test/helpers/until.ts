/**
 * Polls `probe` until it returns something other than `undefined` and returns that (for waits outside a test body,
 * where `expect.poll` is not allowed, and for waits that need the value). Fails after `timeoutMs` naming `what`.
 */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
