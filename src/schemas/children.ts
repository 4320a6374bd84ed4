import { idTypes } from '../domain/identity';
import { idSchema } from './common';
import * as z from './zod';

const idTypeCodes = Object.keys(idTypes) as [keyof typeof idTypes, ...(keyof typeof idTypes)[]];

export const childName = z.string({ error: '请填写孩子姓名' }).max(40, { error: '姓名应为2至20个字' }).describe('与户口簿一致的姓名');

export const addChildInput = z.object({
  name: childName,
  idType: z
    .enum(idTypeCodes, { error: '请选择证件类型' })
    .describe('resident 居民身份证；hk_mo_tw 港澳台居民居住证；foreign_permanent 外国人永久居留身份证；passport 护照/其他'),
  idNumber: z.string({ error: '请填写证件号码' }).max(40, { error: '证件号码过长' }).describe('证件号码'),
});

export const childInput = z.object({ childId: idSchema('孩子') });
export const renameChildInput = z.object({ childId: idSchema('孩子'), name: childName });

/** 绑定申诉: the child as the family knows it, the claimant's own ID number (checked against the child's household), why. */
export const claimChildInput = addChildInput.extend({
  parentIdNumber: z.string({ error: '请填写您本人的身份证号码' }).max(40, { error: '证件号码过长' }).describe('申诉人本人的居民身份证号码'),
  reason: z
    .string({ error: '请填写申诉理由' })
    .trim()
    .min(5, { error: '请写明申诉理由（至少5个字）' })
    .max(500, { error: '申诉理由最多500字' })
    .describe('申诉理由：与孩子的关系、为何被他人绑定'),
});
