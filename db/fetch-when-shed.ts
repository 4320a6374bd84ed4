/**
 * `fetch` for the libSQL HTTP client: when the server sheds load (sqld and Turso answer 429 before running anything
 * once their concurrent-request limit is reached), the request is sent again after a short, growing, jittered wait.
 * Anything else, success or failure, is returned as it came.
 */
export function fetchWhenShed(options: { attempts?: number; firstDelayMs?: number } = {}): (request: Request) => Promise<Response> {
  const attempts = options.attempts ?? 9;
  const firstDelayMs = options.firstDelayMs ?? 50;
  return async (request) => {
    let next = request;
    for (let attempt = 1; ; attempt++) {
      const spare = attempt < attempts ? next.clone() : undefined;
      const response = await fetch(next);
      if (response.status !== 429 || !spare) return response;
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, firstDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random())));
      next = spare;
    }
  };
}
