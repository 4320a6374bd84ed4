import { regionCodePattern, regionLimits, regionPhonePattern } from '../domain/region-rules';
import { idSchema } from './common';
import * as z from './zod';

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` });

/** An optional text: blank means none. */
const optionalText = (label: string, max: number) => text(label, max).nullish();

const regionFields = {
  name: text('区域名称', regionLimits.name).min(1, { error: '请填写区域名称' }),
  contactPhone: z
    .string({ error: '请填写咨询电话' })
    .trim()
    .refine((v) => v === '' || regionPhonePattern.test(v.replace(/\s/g, '')), {
      error: '咨询电话格式不正确（如 0737-8822011 或 13812345678）',
    })
    .nullish(),
  address: optionalText('办公地址', regionLimits.address),
  sponsor: optionalText('主办单位', regionLimits.sponsor),
  icp: optionalText('ICP备案号', regionLimits.icp),
};

export const createRegionInput = z.object({
  code: z
    .string({ error: '请填写区域代码' })
    .trim()
    .min(1, { error: '请填写区域代码' })
    .max(regionLimits.code, { error: `区域代码不能超过${regionLimits.code}个字符` })
    .regex(regionCodePattern, { error: '区域代码只能包含小写字母、数字和连字符' }),
  ...regionFields,
});

/** An edit names the version it was made on; the code is fixed once created. */
export const updateRegionInput = z.object({
  regionId: idSchema('区域'),
  version: z.number({ error: '请提供区域版本' }).int().min(0),
  ...regionFields,
});

/** The full list of region ids in their new order. */
export const reorderRegionsInput = z.object({
  ids: z.array(idSchema('区域'), { error: '请提供区域顺序' }).min(1, { error: '请提供区域顺序' }).max(500),
});
