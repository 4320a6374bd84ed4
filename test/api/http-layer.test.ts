import { once } from 'node:events';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../src/api/router';
import { startTestHost, type TestHost } from '../helpers/host';
import { refusal } from '../helpers/refusal';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(() => t?.close());

const chinese = /[\u4e00-\u9fff]/;

interface ErrorBody {
  error: { message: string; code: number; data: { code: string; httpStatus: number; domainCode: string | null } };
}

/** POSTs `auth.requestCode` as a page would, with the given headers and body. */
const requestCode = (headers: Record<string, string>, body = JSON.stringify({ phone: '13800138000' })) =>
  fetch(`${t.url}/trpc/auth.requestCode`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('the HTTP layer in front of the procedures', () => {
  it('tells browsers and proxies not to keep a /trpc answer that is not a shared catalog read, success or refusal', async () => {
    const ok = await fetch(`${t.url}/trpc/catalog.regions`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const refused = await fetch(`${t.url}/trpc/auth.me`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('denies camera, microphone, location and other powerful features to pages and answers alike', async () => {
    for (const path of ['/', '/trpc/catalog.regions', '/api/health']) {
      const policy = (await fetch(`${t.url}${path}`)).headers.get('permissions-policy') ?? '';
      expect(policy, path).toContain('camera=()');
      expect(policy, path).toContain('microphone=()');
      expect(policy, path).toContain('geolocation=()');
      expect(policy, path).toContain('payment=()');
    }
  });

  it('refuses a write from the same host over another scheme or port, and accepts one from our own origin', async () => {
    const port = new URL(t.url).port;
    for (const origin of [`https://127.0.0.1:${port}`, `http://127.0.0.1:${Number(port) + 1}`, 'http://127.0.0.1']) {
      const response = await requestCode({ origin });
      expect(response.status, origin).toBe(403);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.data.domainCode).toBe('UNTRUSTED_ORIGIN');
      expect(body.error.message).toBe('请求来源不受信任，请从报名平台页面操作');
    }
    const fromReferer = await requestCode({ referer: `https://127.0.0.1:${port}/login` });
    expect(fromReferer.status).toBe(403);
    expect((await requestCode({ origin: t.url })).status).toBe(200);
  });

  it('answers a body that is not JSON with 400 in the tRPC error shape, saying in Chinese that it is not JSON', async () => {
    const response = await requestCode({}, '{"phone": "138');
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, domainCode: null });
    expect(body.error.message).toBe('请求内容不是有效的 JSON，请刷新页面后重试');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a body of another content type with UNSUPPORTED_MEDIA_TYPE (415), in Chinese', async () => {
    const response = await requestCode({ 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.data).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', httpStatus: 415 });
    expect(body.error.message).toBe('请求的内容类型不受支持，请以 application/json 提交');
  });

  it('answers a GET of a mutation with METHOD_NOT_SUPPORTED (405), in Chinese', async () => {
    const response = await fetch(`${t.url}/trpc/auth.requestCode?input=${encodeURIComponent(JSON.stringify({ phone: '13800138000' }))}`);
    expect(response.status).toBe(405);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.data).toMatchObject({ code: 'METHOD_NOT_SUPPORTED', httpStatus: 405 });
    expect(body.error.message).toBe('请求方式不正确：查询请用 GET，提交请用 POST');
  });

  it('takes ID numbers in POST bodies only: no GET procedure has an ID number among its inputs, so none lands in a URL or an access log', () => {
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { type: string; inputs: { shape?: Record<string, unknown> }[] } }
    >;
    const queriesTakingIdNumbers = Object.entries(procedures)
      .filter(([, p]) => p._def.type === 'query')
      .filter(([, p]) => p._def.inputs.some((input) => Object.keys(input.shape ?? {}).some((key) => /idnumber/i.test(key))))
      .map(([name]) => name);
    expect(queriesTakingIdNumbers).toEqual([]);
    expect(procedures['applications.precheck']!._def.type).toBe('mutation');
  });

  it('answers an unknown procedure with NOT_FOUND (404), in Chinese', async () => {
    const response = await fetch(`${t.url}/trpc/catalog.nothingHere`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.data).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
    expect(body.error.message).toBe('找不到该接口，请确认地址是否正确');
  });

  it('never answers a transport error in English', async () => {
    const answers = [
      await requestCode({}, 'not json'),
      await requestCode({ 'content-type': 'application/xml' }),
      await fetch(`${t.url}/trpc/auth.signIn`),
      await fetch(`${t.url}/trpc/nope`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
    ];
    for (const response of answers) expect(((await response.json()) as ErrorBody).error.message).toMatch(chinese);
  });
  it('answers a body over the limit with PAYLOAD_TOO_LARGE (413) in the same shape, also through the typed client', async () => {
    const response = await requestCode({}, JSON.stringify({ phone: '1'.repeat(300 * 1024) }));
    expect(response.status).toBe(413);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.data).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 });
    expect(body.error.message).toBe('提交的内容过大');
    expect(response.headers.get('cache-control')).toBe('no-store');
    // The unread body leaves the connection unusable: the answer says so, and a client does not reuse it.
    expect(response.headers.get('connection')).toBe('close');

    const error = await refusal(t.client.auth.requestCode.mutate({ phone: '1'.repeat(300 * 1024) }));
    expect(error.data?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toBe('提交的内容过大');
  });

  it('logs nothing as an error when a client goes away in the middle of sending its request', async () => {
    const before = t.errors.length;
    const logged = t.logLines.length;
    // With `Expect: 100-continue` the host says "continue" once it has the headers and has started on the request.
    const sent = request(`${t.url}/trpc/auth.requestCode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '200', expect: '100-continue' },
    });
    sent.on('error', () => {});
    sent.flushHeaders();
    await once(sent, 'continue');
    sent.write('{"phone": "138');
    sent.destroy();
    await expect
      .poll(() => t.logLines.slice(logged).join('\n'))
      .toMatch(/trpc auth\.requestCode: the client went away before its request arrived whole/);
    expect(t.errors.slice(before)).toEqual([]);
    expect((await fetch(`${t.url}/trpc/catalog.regions`)).status).toBe(200);
  });
});
