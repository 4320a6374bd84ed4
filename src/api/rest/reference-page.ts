import type { OpenApiDocument } from './openapi-document';

type JsonSchema = { [key: string]: unknown };

const html = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Escaped text with its Markdown `code` spans (OpenAPI descriptions are CommonMark) as `<code>`. */
const prose = (text: string) => html(text).replace(/`([^`]+)`/g, '<code>$1</code>');

/** A value the schema accepts, to show the shape of a request or an answer. */
export function exampleOf(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) return exampleOf(variants.find((v) => v.type !== 'null') ?? variants[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(Object.entries(properties).map(([key, inner]) => [key, exampleOf(inner, depth + 1)]));
    }
    case 'array':
      return [exampleOf(schema.items as JsonSchema, depth + 1)];
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' && schema.minimum > 0 ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'date-time') return '2026-07-20T02:00:00.000Z';
      return typeof schema.description === 'string' ? schema.description : '…';
    default:
      return null;
  }
}

const typeText = (schema: JsonSchema | undefined): string => {
  if (!schema) return '';
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? '');
  return [type, typeof schema.format === 'string' ? `(${schema.format})` : ''].join(' ').trim();
};

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

interface Operation {
  operationId: string;
  summary: string;
  description: string;
  'x-key': boolean;
  'x-scope': string | null;
  parameters: Parameter[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, { description: string; content: { 'application/json': { schema: JsonSchema } } }>;
}

function operationSection(method: string, path: string, op: Operation): string {
  const rows = op.parameters
    .map(
      (p) =>
        `<tr><td><code>${html(p.name)}</code></td><td>${p.in === 'path' ? '路径' : '查询'}</td><td>${p.required ? '是' : '否'}</td><td>${html(typeText(p.schema))}</td><td>${html(p.description ?? '')}</td></tr>`,
    )
    .join('');
  const examplePath = path.replace(/\{(\w+)\}/g, (_m, name: string) => `<${name}>`);
  const auth = op['x-key'] ? ` \\\n  -H 'Authorization: Bearer ik_…'` : '';
  const body = op.requestBody ? exampleOf(op.requestBody.content['application/json'].schema) : undefined;
  const curl =
    method === 'get'
      ? `curl https://<主机>${examplePath}${auth}`
      : `curl -X POST https://<主机>${examplePath}${auth} \\\n  -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify(body)}'`;
  const answer = exampleOf(op.responses['200']?.content['application/json'].schema);
  const errors = Object.entries(op.responses)
    .filter(([status]) => status !== '200')
    .map(([status, r]) => `<li><code>${status}</code> ${html(r.description)}</li>`)
    .join('');
  return `<section id="${html(op.operationId)}">
<h2><span class="m">${method.toUpperCase()}</span> <code>${html(path)}</code></h2>
<p>${html(op.summary)}</p>
<p>${prose(op.description)} operationId <code>${html(op.operationId)}</code></p>
${rows ? `<h3>参数</h3><table><tr><th>名称</th><th>位置</th><th>必填</th><th>类型</th><th>说明</th></tr>${rows}</table>` : ''}
${op.requestBody ? `<h3>请求体（JSON）</h3><pre>${html(JSON.stringify(body, null, 2))}</pre>` : ''}
<h3>请求示例</h3><pre>${html(curl)}</pre>
<h3>应答示例（200）</h3><pre>${html(JSON.stringify(answer, null, 2))}</pre>
<h3>错误</h3><ul>${errors}</ul>
</section>`;
}

/** `/api/reference`: the document as a page to read, server-rendered, no script and nothing loaded from elsewhere. */
export function referencePage(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method, path, op: op as Operation })),
  );
  const toc = operations
    .map(
      ({ method, path, op }) =>
        `<li><a href="#${html(op.operationId)}"><span class="m">${method.toUpperCase()}</span> ${html(path)}</a> ${html(op.summary)}</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(document.info.title)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace}pre{background:#f4f4f4;padding:.75rem;overflow:auto}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
.m{display:inline-block;min-width:3.5rem;font-weight:bold;color:#0b5394}section{border-top:1px solid #ddd;margin-top:2rem}</style>
</head><body>
<h1>${html(document.info.title)}</h1>
<p>${prose(document.info.description)}</p>
<p>机器可读的 OpenAPI 3.1 文档：<a href="/api/openapi.json"><code>/api/openapi.json</code></a>。错误应答均为 <code>{"error":{"code","message","domainCode"}}</code>，HTTP 状态码与 <code>code</code> 对应，<code>message</code> 为中文。</p>
<h2>接口列表</h2><ul>${toc}</ul>
${operations.map(({ method, path, op }) => operationSection(method, path, op)).join('\n')}
</body></html>`;
}
