import { byCodeUnits } from './code-unit-order';
/**
 * The one serialisation of every published placement file: JSON, UTF-8, object keys in code-unit order, no spaces;
 * the arrays of the top-level object hold one element per line, so that files compare line by line; a final line feed.
 * Only strings, safe integers, booleans, null, arrays and plain objects are allowed.
 */
export function publishedJson(file: Readonly<Record<string, unknown>>): string {
  const fields = Object.keys(file)
    .sort(byCodeUnits)
    .map((key) => {
      const value = file[key];
      const text = Array.isArray(value) && value.length > 0 ? `[\n${value.map(canonicalJson).join(',\n')}\n]` : canonicalJson(value);
      return `${JSON.stringify(key)}:${text}`;
    });
  return `{${fields.join(',')}}\n`;
}

/** Compact JSON with object keys in code-unit order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not a safe integer: ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort(byCodeUnits);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  throw new Error(`cannot publish a ${typeof value}`);
}
