import { TRPCClientError } from '@trpc/client';
import { expect } from 'vitest';
import type { AppRouter } from '../../src/client';

/** Awaits a call that must be refused and returns the typed error (code, domainCode, fieldErrors in `data`). */
export async function refusal(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the call was expected to be refused').toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<AppRouter>;
}
