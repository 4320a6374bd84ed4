import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/api/rest/openapi-document';
import { honoPath, pathParameters, type RestOperation } from '../../src/api/rest/operations';
import { exampleOf } from '../../src/api/rest/reference-page';

const post: RestOperation = {
  method: 'POST',
  path: '/v1/windows/{windowId}',
  procedure: 'admin.changeWindow',
  operationId: 'changeWindow',
  summary: '改报名时间',
  key: true,
  scope: 'windows.write',
  tag: '测试',
};

describe('the OpenAPI document from the REST table', () => {
  it('takes a POST’s path parameters out of its JSON body and keeps the rest, with what is required', () => {
    const document = openApiDocument([post]);
    const operation = document.paths['/api/v1/windows/{windowId}']!.post as {
      parameters: { name: string; in: string; required: boolean }[];
      requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown>; required: string[] } } } };
      security: unknown;
      responses: Record<string, unknown>;
    };
    expect(operation.parameters).toEqual([expect.objectContaining({ name: 'windowId', in: 'path', required: true })]);
    const body = operation.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties)).not.toContain('windowId');
    expect(body.properties).toHaveProperty('opensAt');
    expect(body.required).not.toContain('windowId');
    expect(operation.security).toEqual([{ bearer: ['windows.write'] }]);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403']));
  });

  it('leaves 401 and 403 out of a public operation, which needs no security', () => {
    const document = openApiDocument([
      { ...post, method: 'GET', path: '/v1/regions', procedure: 'catalog.regions', key: false, scope: null },
    ]);
    const operation = document.paths['/api/v1/regions']!.get as { security: unknown; responses: Record<string, unknown> };
    expect(operation.security).toEqual([]);
    expect(Object.keys(operation.responses)).not.toContain('401');
    expect(Object.keys(operation.responses)).not.toContain('403');
  });

  it('refuses a table row that names no procedure', () => {
    expect(() => openApiDocument([{ ...post, procedure: 'admin.nothing' }])).toThrow(/unknown procedure: admin\.nothing/);
  });
});

describe('REST path templates', () => {
  it('become Hono paths and list their parameters', () => {
    expect(honoPath('/v1/schools/{schoolId}/placements')).toBe('/v1/schools/:schoolId/placements');
    expect(pathParameters('/v1/a/{aId}/b/{bId}')).toEqual(['aId', 'bId']);
  });
});

describe('examples on the reference page', () => {
  it('build a value of the schema’s shape', () => {
    expect(
      exampleOf({
        type: 'object',
        properties: {
          id: { type: 'string', description: '学校编号' },
          level: { type: 'string', enum: ['primary', 'junior'] },
          count: { type: 'integer', minimum: -9007199254740991 },
          at: { type: 'string', format: 'date-time' },
          note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
          tags: { type: 'array', items: { type: 'boolean' } },
        },
      }),
    ).toEqual({ id: '学校编号', level: 'primary', count: 1, at: '2026-07-20T02:00:00.000Z', note: '…', tags: [true] });
  });
});
