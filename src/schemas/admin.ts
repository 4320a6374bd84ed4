import { z } from 'zod';
import { idSchema } from './common';

export const acknowledgeAlertInput = z.object({ alertId: idSchema('告警') });
export const retryDeadLetterInput = z.object({ outboxId: idSchema('短信') });

/** An instant with its offset, as the pages send China time: `2024-07-27T00:00:00+08:00`. */
const instant = (what: string) => z.iso.datetime({ offset: true, error: `${what}格式不正确` }).transform((text) => new Date(text));

export const changeWindowInput = z.object({
  windowId: idSchema('报名时间'),
  version: z.number().int().min(0).describe('修改所依据的版本号：他人已修改则拒绝'),
  opensAt: instant('开始时间'),
  closesAt: instant('截止时间'),
});
