import { staffPolicy } from './staff-policy';

/** Passwords seen in every leaked list, the demo accounts' published ones among them. */
const notoriousPasswords = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwertyuiop',
  '1234567890',
  '0123456789',
  '1qaz2wsx3edc',
  'abc123456',
  'admin12345',
  'administrator',
  'iloveyou',
  '1q2w3e4r5t',
  'a123456789',
  'woaini1314',
  'demo-admin-2024',
  'demo-county-2024',
  'demo-school-2024',
]);

/**
 * Why a staff password is too weak to protect an administrator, or null when it will do: at least the policy's length,
 * letters and digits or symbols both, not mostly one character, not a notorious password, not the username inside.
 */
export function passwordWeakness(password: string, username: string): string | null {
  const min = Math.max(staffPolicy.minPasswordLength, 12);
  if (password.length < min) return `密码太短：至少${min}位`;
  if (password.length > 200) return '密码过长：最多200位';
  if (notoriousPasswords.has(password.toLowerCase())) return '密码太常见，请换一个';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  if (new Set(password).size < 6) return '密码重复字符太多，请换一个';
  const letters = /\p{L}/u.test(password);
  const others = /[^\p{L}]/u.test(password);
  if (!letters || !others) return '密码须同时包含字母和数字或符号';
  return null;
}
