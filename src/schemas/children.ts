import { idTypes } from '../domain/identity';
import { idSchema, z } from './common';

const idTypeCodes = Object.keys(idTypes) as [keyof typeof idTypes, ...(keyof typeof idTypes)[]];

export const childName = z.string({ error: '请填写孩子姓名' }).max(40, { error: '姓名应为2至20个字' }).describe('与户口簿一致的姓名');

export const addChildInput = z.object({
  name: childName,
  idType: z.enum(idTypeCodes, { error: '请选择证件类型' }).describe('resident 居民身份证；hk_mo_tw 港澳台居民居住证；foreign_permanent 外国人永久居留身份证；passport 护照/其他'),
  idNumber: z.string({ error: '请填写证件号码' }).max(40, { error: '证件号码过长' }).describe('证件号码'),
});

export const childInput = z.object({ childId: idSchema('孩子') });
export const renameChildInput = z.object({ childId: idSchema('孩子'), name: childName });
