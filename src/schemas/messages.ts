import { idSchema } from './common';
import * as z from './zod';

export const listMessagesInput = z
  .object({
    limit: z.number().int().min(1).max(50).default(20),
    before: z.iso.datetime({ error: '时间格式不正确' }).optional().describe('上一页最后一条的 createdAt'),
  })
  .default({ limit: 20 });

export const markReadInput = z.object({
  ids: z.array(idSchema('消息')).min(1, { error: '请选择消息' }).max(100, { error: '一次最多标记100条' }),
});
