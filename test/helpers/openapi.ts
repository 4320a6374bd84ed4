import { Validator } from '@cfworker/json-schema';
import { expect } from 'vitest';

type JsonSchema = { [key: string]: unknown };
export type Document = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId: string; responses: Record<string, { content?: { 'application/json'?: { schema: JsonSchema } } }> }>
  >;
  components: { schemas: Record<string, JsonSchema> };
};

/**
 * Checks a JSON answer against the document's schema for its path, method and status. The schema is taken out of the
 * document and given the document's `components`, so `#/components/…` references resolve inside it.
 */
export function expectMatchesDocument(document: Document, path: string, method: string, status: number, answer: unknown) {
  const schema = document.paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
  expect(schema, `${method} ${path} ${status} is not in the document`).toBeDefined();
  const result = new Validator({ ...schema, components: document.components } as never, '2020-12', false).validate(answer);
  expect(result.errors, JSON.stringify(result.errors.slice(0, 5), null, 2)).toEqual([]);
}
