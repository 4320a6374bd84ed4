import { levels } from '../domain/catalog';
import { idSchema } from './common';
import * as z from './zod';

export const regionInput = z.object({ regionId: idSchema('区域') });

export const entryInput = z.object({ entryId: idSchema('报名入口') });

export const schoolsInput = z.object({
  regionId: idSchema('区域'),
  level: z.enum(levels, { error: '学段只能是 primary（小学）或 junior（初中）' }).optional().describe('学段'),
  community: z
    .string()
    .trim()
    .min(1, { error: '请填写社区名称' })
    .max(40, { error: '社区名称过长' })
    .optional()
    .describe('只列出招生范围包含该社区的学校'),
});
