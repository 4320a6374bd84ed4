import { idSchema } from './common';
import * as z from './zod';

export const setRetentionInput = z.object({
  seasonId: idSchema('招生季'),
  version: z.number().int().min(0).describe('修改所依据的版本号：他人已修改则拒绝'),
  retainUntil: z.iso
    .datetime({ offset: true, error: '保存期限格式不正确' })
    .transform((text) => new Date(text))
    .nullable()
    .describe('此时刻之后删除该季的材料并精简申请；null 为不设期限'),
});
