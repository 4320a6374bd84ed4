import { describe, expect, it } from 'vitest';
import { redactEcho } from '../../src/domain/redaction';

const message = { phone: '13800130500', body: '【桃江县入学报名】您的登录验证码为482913，5分钟内有效。请勿泄露给他人。' };

describe('what a provider echoes back of an SMS', () => {
  it('masks the number in every written form', () => {
    for (const form of [
      '13800130500',
      '138-0013-0500',
      '138 0013 0500',
      '+86 138 0013 0500',
      '+8613800130500',
      '0086-138-0013-0500',
      '86 13800130500',
      '(138) 0013-0500',
      '138.0013.0500',
      '+86-138-0013-0500',
    ]) {
      const redacted = redactEcho(`invalid destination ${form} refused`, message);
      expect(redacted, form).toContain('138****0500');
      expect(redacted.replace(/[^0-9]/g, ''), form).not.toContain('00130500');
      expect(redacted, form).not.toMatch(/0013/);
    }
  });

  it("masks other mobile numbers too, not only the recipient's", () => {
    expect(redactEcho('forwarded to 139 1234 5678', message)).toBe('forwarded to 139****5678');
  });

  it('removes the code when it comes back on its own, quoted or in JSON', () => {
    for (const echo of ['code 482913 rejected', '{"code":"482913"}', 'template var=482913;', '验证码482913无效']) {
      expect(redactEcho(echo, message), echo).not.toContain('482913');
    }
  });

  it('removes any bare six-digit code even without knowing the message', () => {
    expect(redactEcho('content 731904 blocked by carrier filter')).toBe('content ****** blocked by carrier filter');
  });

  it('replaces the whole body and masks ID numbers', () => {
    expect(redactEcho(`rejected: ${message.body}`, message)).toBe('rejected: [body]');
    expect(redactEcho('id 430922197901017718 on file')).toBe('id 430922********7718 on file');
  });

  it('keeps what staff need to act: statuses, reasons, short numbers', () => {
    expect(redactEcho('SMS provider answered 429: rate limited, retry after 30 s', message)).toBe(
      'SMS provider answered 429: rate limited, retry after 30 s',
    );
  });
});
