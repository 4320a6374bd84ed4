import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isChinese } from '../helpers/raw-trpc';
import { startTestHost, type TestHost } from '../helpers/host';
import { integrationKey, type IntegratorWorld, integratorWorld } from '../helpers/integrator-world';
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
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/catalog/regions',
        '/api/v1/catalog/regions/{regionId}',
        '/api/v1/me',
        '/api/v1/schools',
        '/api/v1/schools/{schoolId}/placements',
        '/api/v1/statistics',
        '/api/v1/applications/{applicationId}/decision',
      ]),
    );
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

describe('the integration paths with real keys', () => {
  let w: IntegratorWorld;
  beforeAll(async () => {
    w = await integratorWorld(t, '1370000070');
  });

  async function call<T = ErrorBody>(path: string, key: string | null, init: { method?: string; body?: string } = {}) {
    const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${t.url}${path}`, { ...init, headers });
    return { status: response.status, body: (await response.json()) as T };
  }

  it('answers whoami, schools, placements and statistics as the document says', async () => {
    const key = await integrationKey(t, ['catalog.read', 'placements.read', 'statistics.read'], w.school);
    const me = await call<{ scopes: string[]; schoolId: string }>('/api/v1/me', key);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ schoolId: w.school, scopes: expect.arrayContaining(['placements.read']) });
    expectMatchesDocument(document, '/api/v1/me', 'get', 200, me.body);

    const schools = await call('/api/v1/schools', key);
    expect(schools.status).toBe(200);
    expectMatchesDocument(document, '/api/v1/schools', 'get', 200, schools.body);

    const placements = await call<{ entries: { number: string; placed: boolean }[] }>(`/api/v1/schools/${w.school}/placements`, key);
    expect(placements.status).toBe(200);
    expect(
      placements.body.entries
        .filter((e) => e.placed)
        .map((e) => e.number)
        .sort(),
    ).toEqual([...w.placedNumbers].sort());
    expectMatchesDocument(document, '/api/v1/schools/{schoolId}/placements', 'get', 200, placements.body);

    const withSeason = await call(`/api/v1/schools/${w.school}/placements?seasonId=${w.seasonId}`, key);
    expect(withSeason.body).toEqual(placements.body);

    for (const query of [`seasonId=${w.seasonId}&seasonId=${w.seasonId}`, 'seasonId=not-an-id']) {
      const bad = await call(`/api/v1/schools/${w.school}/placements?${query}`, key);
      expect(bad.status, query).toBe(400);
      expect(isChinese(bad.body.error.message)).toBe(true);
    }

    const statistics = await call('/api/v1/statistics', key);
    expect(statistics.status).toBe(200);
    expectMatchesDocument(document, '/api/v1/statistics', 'get', 200, statistics.body);
  });

  it('refuses a key without the scope (403), another school (403), and no key or a made-up one (401), in zh-CN', async () => {
    const catalogOnly = await integrationKey(t, ['catalog.read']);
    const refused = await call(`/api/v1/schools/${w.school}/placements`, catalogOnly);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', domainCode: 'KEY_SCOPE_MISSING' });
    expect(isChinese(refused.body.error.message)).toBe(true);
    expectMatchesDocument(document, '/api/v1/schools/{schoolId}/placements', 'get', 403, refused.body);

    const ownSchoolOnly = await integrationKey(t, ['placements.read'], w.school);
    const elsewhere = await call(`/api/v1/schools/${w.otherSchool}/placements`, ownSchoolOnly);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.domainCode).toBe('KEY_OTHER_SCHOOL');

    for (const key of [null, 'ik_aaaaaaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb']) {
      const answer = await call('/api/v1/me', key);
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('UNAUTHORIZED');
      expect(isChinese(answer.body.error.message)).toBe(true);
      expectMatchesDocument(document, '/api/v1/me', 'get', 401, answer.body);
    }
  });

  it('takes a school’s decision as a JSON body, and refuses a bad one with 400 in zh-CN', async () => {
    const key = await integrationKey(t, ['decisions.write'], w.school);
    const path = `/api/v1/applications/${w.awaitingSchool}/decision`;
    const bad = await call(path, key, { method: 'POST', body: JSON.stringify({ action: 'approve-everything' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
    expect(isChinese(bad.body.error.message)).toBe(true);
    expectMatchesDocument(document, '/api/v1/applications/{applicationId}/decision', 'post', 400, bad.body);

    const huge = await call(path, key, { method: 'POST', body: JSON.stringify({ action: 'school_reject', reason: 'x'.repeat(300_000) }) });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(isChinese(huge.body.error.message)).toBe(true);

    const notJson = await call(path, key, { method: 'POST', body: '{action:' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toBe('请求内容须为 JSON 对象');

    const done = await call<{ status: string }>(path, key, { method: 'POST', body: JSON.stringify({ action: 'school_approve' }) });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('school_approved');
    expectMatchesDocument(document, '/api/v1/applications/{applicationId}/decision', 'post', 200, done.body);
  });
});
