import { mandatePolicy } from '../domain/agent-mandate';
import { codeSchema, phoneSchema } from './auth';
import { idSchema } from './common';
import * as z from './zod';

export const agentPhoneInput = z.object({ phone: phoneSchema });

/** 代办: the parent's code read out to the agent, or (no code) the agent's attested exception with its reason. */
export const openMandateInput = z.object({
  phone: phoneSchema,
  code: codeSchema.optional().describe('家长收到并告知代办员的短信验证码；没有验证码时填写 reason（代办员担保的例外）'),
  reason: z
    .string()
    .trim()
    .max(mandatePolicy.maxReasonLength)
    .optional()
    .describe(`家长无法提供验证码的原因（至少${mandatePolicy.minReasonLength}个字）`),
  acceptedNotice: z
    .string()
    .max(40)
    .optional()
    .describe('代办员已向家长宣读、家长同意的《个人信息保护告知书》版本；缺少或不是当前版本时拒绝'),
  session: z
    .enum(['cookie', 'token'])
    .default('cookie')
    .describe('cookie：代办员的浏览器打开家长页面（HttpOnly Cookie）；token：返回家长会话令牌（Authorization: Bearer）'),
});

export const endMandateInput = z.object({ mandateId: idSchema('代办').optional() }).default({});
