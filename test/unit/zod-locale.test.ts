import { describe, expect, it } from 'vitest';
import { signInInput } from '../../src/schemas/auth';

describe('zod as the schemas load it', () => {
  it('words the messages no schema words itself in zh-CN', () => {
    const result = signInInput.safeParse({ phone: '13800000000', code: '123456', session: 'other' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('无效选项：期望以下之一 "cookie"|"token"');
  });
});
