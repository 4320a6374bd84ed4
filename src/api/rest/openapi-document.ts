import { toJSONSchema, type z } from 'zod';
import { appRouter } from '../router';
import { pathParameters, type RestOperation, restOperations } from './operations';

type JsonSchema = { [key: string]: unknown };
type ProcedureDef = { _def: { type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[]; output?: z.ZodType } };

/** The error answer (`RestErrorBody` in ./adapter.ts) as the document describes it. */
const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'domainCode'],
      properties: {
        code: { type: 'string', description: 'tRPC 错误码，如 BAD_REQUEST、UNAUTHORIZED、FORBIDDEN、NOT_FOUND' },
        message: { type: 'string', description: '中文说明，可直接展示' },
        domainCode: { type: ['string', 'null'], description: '业务规则的错误码，如 SCHOOL_NOT_FOUND' },
        fieldErrors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        retryAfterSeconds: { type: 'integer', minimum: 0 },
      },
    },
  },
};

const errorStatuses: Record<string, string> = {
  '400': '输入有误',
  '401': '缺少或无效的密钥',
  '403': '密钥无此权限',
  '404': '找不到',
  '409': '数据已被他人修改，请重新读取',
  '429': '请求过于频繁，请按 Retry-After 稍后再试',
  '503': '服务暂不可用，请稍后再试',
};

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return json;
}

/** A procedure's input as one object schema (tRPC merges chained `.input()` objects). */
function inputObject(inputs: z.ZodType[]): { properties: Record<string, JsonSchema>; required: string[] } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const input of inputs) {
    const json = schemaOf(input, 'input');
    Object.assign(properties, json.properties ?? {});
    required.push(...((json.required as string[] | undefined) ?? []));
  }
  return { properties, required };
}

function procedureOf(name: string): ProcedureDef['_def'] {
  const procedure = (appRouter._def.procedures as unknown as Record<string, ProcedureDef>)[name];
  if (!procedure) throw new Error(`REST operation names an unknown procedure: ${name}`);
  return procedure._def;
}

/** Who may call, in words: each operation's `description` (which the reference page shows) starts with it. */
function accessText(operation: Pick<RestOperation, 'key' | 'scope'>): string {
  if (!operation.key) return '公开接口，无需密钥。';
  return operation.scope ? `需要集成密钥，权限（scope）\`${operation.scope}\`。` : '需要集成密钥（任何有效密钥）。';
}

function operationObject(operation: RestOperation) {
  const { inputs, output } = procedureOf(operation.procedure);
  const { properties, required } = inputObject(inputs);
  const inPath = pathParameters(operation.path);
  const parameter = (name: string, where: 'path' | 'query') => {
    const { description, ...schema } = properties[name] ?? { type: 'string' };
    return { name, in: where, required: where === 'path' || required.includes(name), ...(description ? { description } : {}), schema };
  };
  const parameters = inPath.map((name) => parameter(name, 'path'));
  const rest = Object.keys(properties).filter((name) => !inPath.includes(name));
  let requestBody: unknown;
  if (operation.method === 'GET') parameters.push(...rest.map((name) => parameter(name, 'query')));
  else {
    const body = {
      type: 'object',
      properties: Object.fromEntries(rest.map((name) => [name, properties[name]!])),
      required: required.filter((name) => rest.includes(name)),
    };
    requestBody = { required: true, content: { 'application/json': { schema: body } } };
  }
  const errors = Object.fromEntries(
    Object.entries(errorStatuses)
      .filter(([status]) => operation.key || !['401', '403'].includes(status))
      .map(([status, description]) => [
        status,
        { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      ]),
  );
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: `${accessText(operation)}对应 tRPC 过程 \`${operation.procedure}\`。`,
    tags: [operation.tag],
    'x-key': operation.key,
    'x-scope': operation.scope,
    'x-procedure': operation.procedure,
    security: operation.key ? [{ bearer: operation.scope ? [operation.scope] : [] }] : [],
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses: {
      '200': { description: '成功', content: { 'application/json': { schema: output ? schemaOf(output, 'output') : {} } } },
      ...errors,
    },
  };
}

/** The OpenAPI 3.1 document of `restOperations`, from the procedures' own zod schemas. */
export function openApiDocument(operations: readonly RestOperation[] = restOperations) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[`/api${operation.path}`] = { ...paths[`/api${operation.path}`], [operation.method.toLowerCase()]: operationObject(operation) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '义务教育招生平台 集成接口',
      version: '1',
      description: '供学籍系统、统计与数据交换等外部系统调用。密钥由管理员在「集成密钥」页面创建，以 `Authorization: Bearer ik_…` 发送。',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: '集成密钥 `ik_<keyId>_<secret>`' } },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;

let built: OpenApiDocument | null = null;
/** Built once per isolate or process: the schemas do not change while it runs. */
export function cachedOpenApiDocument(): OpenApiDocument {
  if (built === null) built = openApiDocument();
  return built;
}
