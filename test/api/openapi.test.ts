import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isChinese } from '../helpers/raw-trpc';
import { startTestHost, type TestHost } from '../helpers/host';
import { type Document, expectMatchesDocument } from '../helpers/openapi';

let t: TestHost;
let document: Document;

beforeAll(async () => {
  t = await startTestHost();
  document = (await (await fetch(`${t.url}/api/openapi.json`)).json()) as Document;
});
afterAll(() => t?.close());

interface ErrorBody {
  error: { code: string; message: string; domainCode: string | null };
}
type Region = { id: string; name: string; entries: unknown[] };

async function get<T = ErrorBody>(path: string) {
  const response = await fetch(`${t.url}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

describe('the OpenAPI document', () => {
  it('is an OpenAPI 3.1 document with paths, components, a bearer scheme and an operationId on every operation', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/catalog/regions', '/api/v1/catalog/regions/{regionId}']));
    expect(document.components.schemas.Error).toBeDefined();
    expect((document.components as { securitySchemes?: Record<string, unknown> }).securitySchemes?.bearer).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations.every((op) => typeof op.operationId === 'string' && op.responses['200'] !== undefined)).toBe(true);
    expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length);
  });

  it('describes path parameters from the procedure’s zod input, with its zh-CN description', () => {
    const op = document.paths['/api/v1/catalog/regions/{regionId}']!.get as unknown as { parameters: unknown[] };
    expect(op.parameters).toEqual([
      expect.objectContaining({
        name: 'regionId',
        in: 'path',
        required: true,
        description: '区域编号',
        schema: expect.objectContaining({ type: 'string' }),
      }),
    ]);
  });
});

describe('REST paths answer what the document says', () => {
  it('lists the regions, and the answer validates against the document', async () => {
    const regions = await get<Region[]>('/api/v1/catalog/regions');
    expect(regions.status).toBe(200);
    expect(regions.body.map((r) => r.name)).toContain('桃花江镇');
    expectMatchesDocument(document, '/api/v1/catalog/regions', 'get', 200, regions.body);
  });

  it('reads one region by its path parameter, and the answer validates against the document', async () => {
    const [region] = (await get<Region[]>('/api/v1/catalog/regions')).body;
    const answer = await get<Region>(`/api/v1/catalog/regions/${region!.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(region!.id);
    expect(answer.body.entries.length).toBeGreaterThan(0);
    expectMatchesDocument(document, '/api/v1/catalog/regions/{regionId}', 'get', 200, answer.body);
  });

  it('catches an answer that does not match (the check is real)', () => {
    expect(() => expectMatchesDocument(document, '/api/v1/catalog/regions', 'get', 200, [{ id: 1 }])).toThrow();
  });

  it('refuses bad input with 400 and a zh-CN message, in the documented error shape', async () => {
    const answer = await get('/api/v1/catalog/regions/not-an-id');
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('BAD_REQUEST');
    expect(answer.body.error.message).toBe('区域编号格式不正确');
    expectMatchesDocument(document, '/api/v1/catalog/regions/{regionId}', 'get', 400, answer.body);
  });

  it('answers an unknown region with 404 and its domain code', async () => {
    const answer = await get('/api/v1/catalog/regions/aaaaaaaaaaaaaaaaaaaa');
    expect(answer.status).toBe(404);
    expect(answer.body.error).toEqual(expect.objectContaining({ code: 'NOT_FOUND', domainCode: 'REGION_NOT_FOUND' }));
    expect(isChinese(answer.body.error.message)).toBe(true);
    expectMatchesDocument(document, '/api/v1/catalog/regions/{regionId}', 'get', 404, answer.body);
  });

  it('answers an unknown path or method under /api/v1 with a 404 JSON error', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/catalog/regions'],
    ] as const) {
      const response = await fetch(`${t.url}${path}`, { method });
      expect(response.status).toBe(404);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe('NOT_FOUND');
      expect(isChinese(body.error.message)).toBe(true);
    }
  });

  it('serves a reference page with every operation, and no script or external resource', async () => {
    const response = await fetch(`${t.url}/api/reference`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    for (const [path, methods] of Object.entries(document.paths)) {
      expect(html).toContain(path);
      for (const op of Object.values(methods)) expect(html).toContain(`id="${op.operationId}"`);
    }
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!&lt;)/i);
  });
});
