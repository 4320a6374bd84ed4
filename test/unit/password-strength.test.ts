import { describe, expect, it } from 'vitest';
import { passwordWeakness } from '../../src/domain/password-strength';

describe('an administrator password', () => {
  it('is refused when short, notorious, all letters, repetitive or holding the username', () => {
    expect(passwordWeakness('short1', 'root')).toMatch(/太短/);
    expect(passwordWeakness('demo-admin-2024', 'root')).toMatch(/太短|太常见/);
    expect(passwordWeakness('Password123', 'root')).toMatch(/太短|太常见/);
    expect(passwordWeakness('onlylettershere', 'root')).toMatch(/字母和数字/);
    expect(passwordWeakness('aaaaaaaaaaa1', 'root')).toMatch(/重复/);
    expect(passwordWeakness('zhangwei-2024-x', 'zhangwei')).toMatch(/用户名/);
  });

  it('is accepted when long and mixed', () => {
    expect(passwordWeakness('桃江-county-staff-93', 'root')).toBeNull();
    expect(passwordWeakness('k7#Lm2qP9vX!', 'root')).toBeNull();
  });
});
