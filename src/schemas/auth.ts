import { phonePattern, normalizePhone } from '../domain/phone';
import * as z from './zod';

export const phoneSchema = z
  .string({ error: '请填写手机号' })
  .transform(normalizePhone)
  .pipe(z.string().regex(phonePattern, { error: '请输入正确的11位手机号' }))
  .describe('中国大陆手机号，11位');

export const codeSchema = z
  .string({ error: '请填写验证码' })
  .trim()
  .regex(/^\d{6}$/, { error: '验证码为6位数字' })
  .describe('短信验证码');

export const requestCodeInput = z.object({
  phone: phoneSchema,
  purpose: z
    .enum(['sign_in', 'change_phone'], { error: '用途不正确' })
    .default('sign_in')
    .describe('sign_in 登录；change_phone 更换手机号（需已登录，验证码发往新号码）'),
});

export const signInInput = z.object({
  phone: phoneSchema,
  code: codeSchema,
  session: z
    .enum(['cookie', 'token'])
    .default('cookie')
    .describe('cookie：浏览器页面（HttpOnly Cookie）；token：集成方，返回令牌用于 Authorization: Bearer'),
  acceptedNotice: z
    .string()
    .max(40)
    .optional()
    .describe('家长已阅读并同意的《个人信息保护告知书》版本（catalog.privacyNotice 的 version）；缺少或不是当前版本时拒绝登录'),
});

export const changePhoneInput = z.object({ phone: phoneSchema, code: codeSchema });
