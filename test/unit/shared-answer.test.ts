import { describe, expect, it } from 'vitest';
import { shareableForMs, sharedCacheControl, sharedForMs } from '../../src/domain/shared-answer';

const at = (text: string) => new Date(text);

describe('how long an answer may be shared (decision 037)', () => {
  const now = at('2024-07-14T23:59:58+08:00');

  it('is the freshness bound while no window opens or closes within it', () => {
    expect(shareableForMs(now, [at('2024-07-15T00:00:00+08:00'), at('2024-07-26T00:00:00+08:00')], 1000)).toBe(1000);
    expect(shareableForMs(now, [], 1000)).toBe(1000);
  });

  it('ends when a window opens or closes sooner, since the answer says which side of it now is', () => {
    expect(shareableForMs(now, [at('2024-07-14T23:59:58.400+08:00')], 1000)).toBe(400);
    expect(shareableForMs(at('2024-07-14T23:59:59.500+08:00'), [at('2024-07-15T00:00:00+08:00')], 1000)).toBe(500);
  });

  it('passes over boundaries already behind, the one at this very instant included', () => {
    expect(shareableForMs(now, [now, at('2024-07-01T00:00:00+08:00')], 1000)).toBe(1000);
  });

  it('says so in whole seconds, and not at all under one', () => {
    expect(sharedCacheControl(1000)).toBe('public, max-age=1');
    expect(sharedCacheControl(2999)).toBe('public, max-age=2');
    expect(sharedCacheControl(999)).toBeNull();
    expect(sharedCacheControl(0)).toBeNull();
  });

  it('reads back only what it wrote', () => {
    expect(sharedForMs('public, max-age=1')).toBe(1000);
    expect(sharedForMs(sharedCacheControl(2000))).toBe(2000);
    expect(sharedForMs('no-store')).toBe(0);
    expect(sharedForMs('private, max-age=60')).toBe(0);
    expect(sharedForMs('public')).toBe(0);
    expect(sharedForMs('public, max-age=0')).toBe(0);
    expect(sharedForMs('public, max-age=abc')).toBe(0);
    expect(sharedForMs(null)).toBe(0);
  });
});
