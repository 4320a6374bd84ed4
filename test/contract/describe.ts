import { toJSONSchema, type z } from 'zod';

/** What a client may rely on for one procedure: its path, its kind, and the JSON Schemas of what it takes and answers. */
export type ProcedureContract = {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  input: JsonSchema | null;
  output: JsonSchema | null;
};

export type Contract = { jsonSchemaDialect: string; procedures: ProcedureContract[] };

type JsonSchema = { [key: string]: unknown };

/** How tRPC 11 keeps a procedure: `.input()` parsers in order, `.output()`'s parser if one was declared. */
export type ProcedureDef = { _def: { type: ProcedureContract['type']; inputs: z.ZodType[]; output?: z.ZodType } };

export const jsonSchemaDialect = 'https://json-schema.org/draft/2020-12/schema';

/** The contract of a router's flat procedure map (`appRouter._def.procedures`), sorted by path. */
export function describeProcedures(procedures: Record<string, ProcedureDef>): Contract {
  const described = Object.keys(procedures)
    .sort()
    .map((path): ProcedureContract => {
      const { type, inputs, output } = procedures[path]!._def;
      return { path, type, input: inputSchema(inputs), output: output ? schemaOf(output, 'output') : null };
    });
  return { jsonSchemaDialect, procedures: described };
}

/** tRPC merges chained `.input()` objects, so several parsers are all required at once. */
function inputSchema(inputs: z.ZodType[]): JsonSchema | null {
  if (inputs.length === 0) return null;
  if (inputs.length === 1) return schemaOf(inputs[0]!, 'input');
  return { allOf: inputs.map((input) => schemaOf(input, 'input')) };
}

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return canonical(json) as JsonSchema;
}

/** Keys sorted, and `required` lists too: reordering a schema's fields changes no client. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const sorted: JsonSchema = {};
  for (const key of Object.keys(value).sort()) {
    const inner = (value as JsonSchema)[key];
    sorted[key] = key === 'required' && Array.isArray(inner) ? [...inner].sort() : canonical(inner);
  }
  return sorted;
}
