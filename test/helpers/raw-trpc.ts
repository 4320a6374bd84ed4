/**
 * tRPC over plain HTTP, one procedure per request (no batching, no typed client): the access matrix and the fuzzer
 * call procedures by name, including ones the typed client would not let them send.
 */
export interface RawAnswer {
  status: number;
  /** The parsed JSON body, or null when the body was not JSON. */
  body: unknown;
  text: string;
}

interface ErrorShape {
  message: string;
  code: number;
  data: { code: string; httpStatus: number; domainCode: string | null; path?: string };
}

export async function callRaw(
  url: string,
  path: string,
  type: 'query' | 'mutation',
  input: unknown,
  options: { token?: string | null; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  if (type === 'query') {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    response = await fetch(`${url}/trpc/${path}${query}`, { headers });
  } else {
    headers['content-type'] = 'application/json';
    response = await fetch(`${url}/trpc/${path}`, {
      method: 'POST',
      headers,
      body: input === undefined ? undefined : JSON.stringify(input),
    });
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, body, text };
}

/** The error of a tRPC answer, or null when it succeeded. */
export function errorOf(answer: RawAnswer): ErrorShape | null {
  const body = answer.body as { error?: ErrorShape } | null;
  return body?.error ?? null;
}

/** Whether a text is zh-CN for a reader: it holds Chinese characters. */
export const isChinese = (text: unknown): boolean => typeof text === 'string' && /[\u4e00-\u9fff]/.test(text);
