import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { storedZip } from '../../src/services/stored-zip';

describe('storedZip', () => {
  it('writes an archive a standard reader opens, names in UTF-8 and bytes unchanged', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i * 37) & 0xff);
    const zip = unzipSync(storedZip({ 'my-data.json': new TextEncoder().encode('{"a":"张三"}'), 'documents/001-户口本.png': bytes }));
    expect(Object.keys(zip)).toEqual(['my-data.json', 'documents/001-户口本.png']);
    expect(strFromU8(zip['my-data.json']!)).toBe('{"a":"张三"}');
    expect(zip['documents/001-户口本.png']).toEqual(bytes);
  });

  it('writes an empty archive', () => {
    expect(unzipSync(storedZip({}))).toEqual({});
  });
});
