import { describe, expect, it } from 'vitest';
import { canonicalJson, publishedJson } from '../../src/domain/placement/canonical-json';
import { inputsFile, parseInputsFile } from '../../src/domain/placement/published-files';

const input = {
  schools: [
    { code: 'B', seats: 0 },
    { code: 'A', seats: 2 },
  ],
  applicants: [
    { number: 'TH24-1-Z', choices: [{ school: 'B', tier: 6 }] },
    {
      number: 'TH24-1-A',
      choices: [
        { school: 'A', tier: 2 },
        { school: 'B', tier: 5 },
      ],
    },
  ],
};

describe('the published files', () => {
  it('are JSON with sorted keys and one element of each top-level list per line', () => {
    expect(inputsFile(input)).toBe(
      [
        '{"applicants":[',
        '{"choices":[{"school":"A","tier":2},{"school":"B","tier":5}],"number":"TH24-1-A"},',
        '{"choices":[{"school":"B","tier":6}],"number":"TH24-1-Z"}',
        '],"format":"placement-inputs/1","schools":[',
        '{"code":"A","seats":2},',
        '{"code":"B","seats":0}',
        ']}',
        '',
      ].join('\n'),
    );
    expect(publishedJson({ z: [], a: null })).toBe('{"a":null,"z":[]}\n');
  });

  it('are the same whatever order the input arrives in', () => {
    expect(inputsFile({ schools: [...input.schools].reverse(), applicants: [...input.applicants].reverse() })).toBe(inputsFile(input));
  });

  it('allow only whole numbers, strings, booleans, null, lists and plain objects', () => {
    expect(canonicalJson({ b: [1, true, '一'], a: { d: null, c: 'x' } })).toBe('{"a":{"c":"x","d":null},"b":[1,true,"一"]}');
    expect(() => canonicalJson({ a: 1.5 })).toThrow();
  });

  it('read back only in their canonical form', () => {
    const text = inputsFile(input);
    const parsed = parseInputsFile(text);
    expect(parsed.ok && inputsFile(parsed.value)).toBe(text);
    expect(parseInputsFile(text.replace('\n', '\n ')).ok).toBe(false);
    expect(parseInputsFile(text.replace('"seats":2', '"seats":2,"name":"张三"'))).toMatchObject({ ok: false });
    expect(parseInputsFile('not json')).toEqual({ ok: false, message: '输入文件不是有效的 JSON' });
    expect(parseInputsFile('{"format":"other"}')).toEqual({ ok: false, message: '输入文件格式须为 placement-inputs/1' });
  });
});
