import { retryPause } from './retry-pause';

/**
 * `fetch` for the libSQL HTTP client: when the server sheds load (sqld and Turso answer 429 before running anything
 * once their concurrent-request limit is reached), the request is sent again after a short, growing, jittered wait.
 * Each attempt has a deadline: a server that accepted the request but never answers (sqld wedged under a burst of
 * writers, see docs/reliability.md) fails it as "fetch failed", which the API answers 503, instead of holding the
 * request and its connection for ever. Anything else, success or failure, is returned as it came.
 */
export function fetchWhenShed(
  options: { attempts?: number; firstDelayMs?: number; deadlineMs?: number } = {},
): (request: Request) => Promise<Response> {
  const attempts = options.attempts ?? 9;
  const firstDelayMs = options.firstDelayMs ?? 50;
  const deadlineMs = options.deadlineMs ?? 30_000;
  return async (request) => {
    let next = request;
    for (let attempt = 1; ; attempt++) {
      const spare = attempt < attempts ? next.clone() : undefined;
      const response = await fetchWithin(next, deadlineMs);
      if (response.status !== 429 || !spare) return response;
      await response.body?.cancel();
      await retryPause(attempt, firstDelayMs);
      next = spare;
    }
  };
}

async function fetchWithin(request: Request, deadlineMs: number): Promise<Response> {
  try {
    return await fetch(request, { signal: AbortSignal.timeout(deadlineMs) });
  } catch (error) {
    if ((error as Error)?.name !== 'TimeoutError') throw error;
    throw new Error(`fetch failed: the database did not answer within ${deadlineMs / 1000} s`, { cause: error });
  }
}
