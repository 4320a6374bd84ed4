/**
 * Stands in for zod's JSON Schema generator in the main Worker's bundle (wrangler.toml `[alias]`, decision 027). Every
 * zod schema refers to it (`.toJSONSchema()`, `~standard.jsonSchema`), nothing here calls it, and it is 17 KiB of
 * minified code. Its exports are the names of zod's two modules (`test/unit/zod-json-schema-stub.test.ts` checks them
 * against the installed zod); a call to any of them fails loudly.
 */
const absent = (): never => {
  throw new Error('zod JSON Schema generation is not in the Worker bundle (worker/zod-json-schema-stub.ts)');
};
/** Zod builds these methods while it makes a schema's `~standard` props: they must exist, and fail only when called. */
const absentMethod = () => absent;

// zod/v4/core/to-json-schema.js
export const initializeContext = absent;
export const handleUnrepresentable = absent;
export const processSchema = absent;
export const process = absent;
export const extractDefs = absent;
export const finalize = absent;
export const createToJSONSchemaMethod = absentMethod;
export const createStandardJSONSchemaMethod = absentMethod;

// zod/v4/core/json-schema-processors.js
export const toJSONSchema = absent;
export const allProcessors = {};
export const aggregateChecks = absent;
export const stringProcessor = absent;
export const numberProcessor = absent;
export const booleanProcessor = absent;
export const bigintProcessor = absent;
export const symbolProcessor = absent;
export const nullProcessor = absent;
export const undefinedProcessor = absent;
export const voidProcessor = absent;
export const neverProcessor = absent;
export const anyProcessor = absent;
export const unknownProcessor = absent;
export const dateProcessor = absent;
export const enumProcessor = absent;
export const literalProcessor = absent;
export const nanProcessor = absent;
export const templateLiteralProcessor = absent;
export const fileProcessor = absent;
export const successProcessor = absent;
export const customProcessor = absent;
export const functionProcessor = absent;
export const transformProcessor = absent;
export const mapProcessor = absent;
export const setProcessor = absent;
export const arrayProcessor = absent;
export const objectProcessor = absent;
export const unionProcessor = absent;
export const intersectionProcessor = absent;
export const tupleProcessor = absent;
export const recordProcessor = absent;
export const nullableProcessor = absent;
export const nonoptionalProcessor = absent;
export const defaultProcessor = absent;
export const prefaultProcessor = absent;
export const catchProcessor = absent;
export const pipeProcessor = absent;
export const readonlyProcessor = absent;
export const promiseProcessor = absent;
export const optionalProcessor = absent;
export const lazyProcessor = absent;
