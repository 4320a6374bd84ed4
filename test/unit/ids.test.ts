import { describe, expect, it } from 'vitest';
import { catalogId, idPattern, newId } from '../../src/domain/ids';

describe('ids', () => {
  it('are 20 lowercase base32 characters and never repeat', () => {
    const ids = Array.from({ length: 2000 }, newId);
    for (const id of ids) expect(id).toMatch(idPattern);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('of seeded catalog rows are the same every time, so reseeding and other environments keep them', async () => {
    expect(await catalogId('region', 'taohuajiang')).toBe(await catalogId('region', 'taohuajiang'));
    expect(await catalogId('region', 'taohuajiang')).not.toBe(await catalogId('region', 'taohuajian'));
    expect(await catalogId('a', 'bc')).not.toBe(await catalogId('ab', 'c'));
    expect(await catalogId('region', 'taohuajiang')).toMatch(idPattern);
  });
});
