import fc from 'fast-check';
import type { z } from 'zod';
import { toJSONSchema } from 'zod';
import { hostileKey, hostileValue, prototypeKeys } from './hostile';

/**
 * A fast-check arbitrary for a procedure's input, from its zod schema's JSON Schema (the input side): mostly values
 * of the right shape, often with one part replaced by something hostile, sometimes hostile as a whole. Strings that
 * are ids (`^[a-z2-7]{20}$`) are often real ids from `knownIds`, so calls reach real rows, not only validation.
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};

const idPatternSource = '^[a-z2-7]{20}$';

export interface SchemaContext {
  /** Real ids (ids of rows in the database) the generator may use where an id is expected. */
  knownIds: string[];
  /** Field names a free-form record (e.g. a draft's form fields) is likely to be keyed by. */
  recordKeys: string[];
}

/** With probability ~1/4, anything hostile in place of the valid value. */
const sometimesHostile = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: hostileValue, weight: 1 });

function stringOf(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.pattern === idPatternSource) {
    const randomId = fc.stringMatching(/^[a-z2-7]{20}$/);
    return ctx.knownIds.length ? fc.oneof(fc.constantFrom(...ctx.knownIds), randomId) : randomId;
  }
  if (schema.format === 'date-time')
    return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'date')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      /* a pattern fast-check cannot generate from: plain strings below */
    }
  }
  return fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 200) });
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const min = schema.minimum ?? -1_000_000;
  const max = Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
  if (integer) return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max });
  return fc.double({ min, max, noNaN: true });
}

function validOf(schema: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => arbitraryOf(s, ctx, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringOf(schema, ctx);
    case 'integer':
      return numberOf(schema, true);
    case 'number':
      return numberOf(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryOf(schema.items ?? {}, ctx, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case 'object':
      return objectOf(schema, ctx, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(schema: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const known = Object.entries(properties).map(([key, s]) => {
    // Required keys are present 9 times in 10, optional ones half the time.
    const presence = required.has(key)
      ? fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 })
      : fc.boolean();
    return fc.tuple(fc.constant(key), presence, arbitraryOf(s, ctx, depth + 1));
  });
  const extraKeys =
    typeof schema.additionalProperties === 'object'
      ? fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...(ctx.recordKeys.length ? ctx.recordKeys : ['x'])), hostileKey, fc.constantFrom(...prototypeKeys)),
            arbitraryOf(schema.additionalProperties, ctx, depth + 1),
          ),
          { maxLength: 6 },
        )
      : fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 1 });
  return fc.tuple(fc.tuple(...known), extraKeys).map(([entries, extras]) => {
    const object: Record<string, unknown> = {};
    for (const [key, present, value] of entries)
      if (present) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    for (const [key, value] of extras) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    return object;
  });
}

function arbitraryOf(schema: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  return sometimesHostile(validOf(schema, ctx, depth));
}

/** Inputs for one procedure: undefined (no input), a value from its schema, or hostile as a whole. */
export function inputArbitrary(schema: z.ZodType | undefined, ctx: SchemaContext): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: hostileValue, weight: 1 });
  const json = toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return fc.oneof(
    { arbitrary: validOf(json, ctx, 0), weight: 4 },
    { arbitrary: arbitraryOf(json, ctx, 0), weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: hostileValue, weight: 1 },
  );
}
