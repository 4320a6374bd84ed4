import { describe, expect, it } from 'vitest';
import { addressGroup, limitMessage, retryAfterSeconds, smsBudgetAlertKey, waitText, windowStart } from '../../src/domain/limits';
import { lockDuration } from '../../src/domain/staff-policy';

describe('addressGroup: the subject of per-address limits', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(addressGroup('203.0.113.7')).toBe('203.0.113.7');
    expect(addressGroup(' 203.0.113.7 ')).toBe('203.0.113.7');
  });

  it('groups every IPv6 address of one /64 network together', () => {
    const group = '2001:db8:abcd:12::/64';
    expect(addressGroup('2001:db8:abcd:12::1')).toBe(group);
    expect(addressGroup('2001:0db8:abcd:0012:ffff:ffff:ffff:ffff')).toBe(group);
    expect(addressGroup('2001:DB8:ABCD:12:1234:5678:9abc:def0')).toBe(group);
    expect(addressGroup('[2001:db8:abcd:12::99]')).toBe(group);
    expect(addressGroup('2001:db8:abcd:12::7%eth0')).toBe(group);
  });

  it('tells neighbouring /64 networks apart', () => {
    expect(addressGroup('2001:db8:abcd:13::1')).not.toBe(addressGroup('2001:db8:abcd:12::1'));
    expect(addressGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('fe80::1')).toBe('fe80:0:0:0::/64');
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(addressGroup('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressGroup('::ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('reads an IPv6 address that ends in dotted IPv4', () => {
    expect(addressGroup('64:ff9b::203.0.113.7')).toBe('64:ff9b:0:0::/64');
    expect(addressGroup('2001:db8:1:2:3:4:1.2.3.4')).toBe('2001:db8:1:2::/64');
  });

  it('keeps text that is no address as it is (lower-cased), so it still limits itself', () => {
    expect(addressGroup('not-an-address')).toBe('not-an-address');
    expect(addressGroup('1:2:3')).toBe('1:2:3');
    expect(addressGroup('1::2::3')).toBe('1::2::3');
    expect(addressGroup('12345::1')).toBe('12345::1');
    expect(addressGroup('::ffff:300.1.1.1')).toBe('::ffff:300.1.1.1');
  });
});

describe('fixed windows', () => {
  const hour = { windowMs: 3_600_000 };

  it('start on the whole window and end a window later', () => {
    const now = new Date('2024-07-20T02:17:30Z');
    expect(windowStart(now, hour).toISOString()).toBe('2024-07-20T02:00:00.000Z');
    expect(retryAfterSeconds(now, hour)).toBe(42 * 60 + 30);
    expect(retryAfterSeconds(new Date('2024-07-20T02:59:59.900Z'), hour)).toBe(1);
    expect(retryAfterSeconds(new Date('2024-07-20T03:00:00Z'), hour)).toBe(3600);
  });

  it('tell the caller when to come back in words', () => {
    expect(waitText(45)).toBe('45秒');
    expect(waitText(61)).toBe('2分钟');
    expect(waitText(3600)).toBe('1小时');
    expect(waitText(3601)).toBe('2小时');
    expect(limitMessage({ message: '预查次数过多' }, 600)).toBe('预查次数过多，请10分钟后再试');
  });

  it('name one SMS-budget alarm per hour', () => {
    expect(smsBudgetAlertKey(new Date('2024-07-20T02:17:30Z'))).toBe('sms-budget:2024-07-20T02');
    expect(smsBudgetAlertKey(new Date('2024-07-20T02:59:59Z'))).toBe(smsBudgetAlertKey(new Date('2024-07-20T02:00:00Z')));
  });
});

describe('staff locks back off', () => {
  it('lasts 15 minutes, then doubles with each further lock, up to a day', () => {
    expect([0, 1, 2, 3].map((n) => lockDuration(n) / 60_000)).toEqual([15, 30, 60, 120]);
    expect(lockDuration(7)).toBe(24 * 3_600_000);
    expect(lockDuration(1_000)).toBe(24 * 3_600_000);
    expect(lockDuration(-3)).toBe(15 * 60_000);
    expect(lockDuration(Number.NaN)).toBe(15 * 60_000);
  });
});
