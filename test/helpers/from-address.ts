import { type Agent, request } from 'node:http';
import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';

/**
 * A `fetch` whose connections leave from `localAddress` (any 127.x.y.z works on Linux loopback), so that the host
 * sees another caller address: per-address limits and locks can be tested over real HTTP. Without `agent` each
 * request has a connection of its own; a keep-alive agent (made with the same `localAddress`) reuses them.
 */
export function fetchFrom(localAddress: string, agent?: Agent): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    let body: string | Buffer | undefined;
    if (typeof init.body === 'string') body = init.body;
    else if (init.body != null) {
      const encoded = new Response(init.body); // as fetch would: multipart gets its boundary in the content type
      body = Buffer.from(await encoded.arrayBuffer());
      const type = encoded.headers.get('content-type');
      if (type && !headers['content-type']) headers['content-type'] = type;
    }
    return new Promise<Response>((resolve, reject) => {
      const req = request(url, { method: init.method ?? 'GET', headers, localAddress, agent: agent ?? false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, v);
          }
          resolve(
            new Response(res.statusCode === 204 ? null : Buffer.concat(chunks), {
              status: res.statusCode ?? 500,
              headers: responseHeaders,
            }),
          );
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }) as typeof fetch;
}

/** A typed client whose requests come from `localAddress` (a new client each time: nothing batched with others). */
export function clientFrom(url: string, localAddress: string, token?: string): EnrollmentClient {
  return createEnrollmentClient({ url, token, fetch: fetchFrom(localAddress) });
}
