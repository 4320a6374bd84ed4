import fc from 'fast-check';

/**
 * Values an attacker sends instead of what a field expects. `Infinity`, `-Infinity`, huge exponents and very deep
 * nesting cannot be written by JSON.stringify: they travel as `RawNumber` (raw JSON text) and are spliced into the
 * body as written (`1e999` parses to Infinity on the server).
 */
export class RawNumber {
  constructor(readonly literal: string) {}
}

export const prototypeKeys = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '__lookupSetter__',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'prototype',
  'then',
];

const hostileStrings = fc.oneof(
  fc.constantFrom(...prototypeKeys),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff\ud800',
    '\u202e',
    '\ufeff',
    '😀👨‍👩‍👧',
    '𠮷',
    'NaN',
    'Infinity',
    '-0',
    "' OR 1=1 --",
    '"; DROP TABLE applications; --',
    '<script>alert(1)</script>',
    '$' + '{7*7}',
    '../../etc/passwd',
    '%00',
    'null',
    'undefined',
    '2024-02-30T25:61:61Z',
    '9999-12-31T23:59:59.999Z',
    '0000-01-01T00:00:00Z',
    '430922201801010011',
    '13800138000',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 100, max: 5_000 }).map((n) => '字'.repeat(n)),
);

const hostileNumbers = fc.oneof(
  fc.constantFrom<unknown>(-1, -0, 0, 0.5, -(2 ** 31), 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, 1e21),
  fc.constantFrom(
    new RawNumber('1e999'),
    new RawNumber('-1e999'),
    new RawNumber('1e-999'),
    new RawNumber('123456789012345678901234567890'),
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Something of the wrong kind altogether, including deep nesting and objects keyed by prototype names. */
const wrongTypes: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], { __proto__: null }),
  // Deep nesting travels as JSON text: building it as an object would overflow the stack here, not on the server.
  fc.integer({ min: 50, max: 20_000 }).map((depth) => new RawNumber(`${'['.repeat(depth)}1${']'.repeat(depth)}`)),
  fc.integer({ min: 50, max: 20_000 }).map((depth) => new RawNumber(`${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`)),
  fc.dictionary(fc.constantFrom(...prototypeKeys), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.integer(), { minLength: 501, maxLength: 2_000 }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileStrings, hostileNumbers, wrongTypes);
export const hostileKey = fc.oneof(fc.constantFrom(...prototypeKeys), fc.string({ unit: 'binary', maxLength: 20 }));

/** JSON text of a value, with `RawNumber`s written as their literals. */
export function toJsonText(value: unknown): string | undefined {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawNumber) {
      raws.push(v.literal);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  return text?.replace(/"\\u0000raw(\d+)\\u0000"/g, (_, i: string) => raws[Number(i)]!);
}
