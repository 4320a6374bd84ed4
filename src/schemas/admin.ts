import { z } from 'zod';
import { pageBodyLimit, pageMessages, pageSlugLimit, pageSlugPattern, pageTitleLimit } from '../domain/policy-pages';
import { idSchema } from './common';

export const acknowledgeAlertInput = z.object({ alertId: idSchema('告警') });
export const retryDeadLetterInput = z.object({ outboxId: idSchema('短信') });

const pageTitle = z
  .string()
  .trim()
  .min(1, { error: pageMessages.titleRequired })
  .max(pageTitleLimit, { error: pageMessages.titleTooLong })
  .describe('页面标题');
const pageBody = z
  .string()
  .max(pageBodyLimit, { error: (issue) => pageMessages.bodyTooLong(String(issue.input ?? '').length) })
  .describe('页面正文（Markdown）');
const version = z.number().int().min(0).describe('编辑时看到的版本号');

export const seasonPagesInput = z.object({ seasonId: idSchema('招生季').optional() }).optional();
export const updatePageInput = z.object({ pageId: idSchema('页面'), version, title: pageTitle, body: pageBody });
export const createPageInput = z.object({
  seasonId: idSchema('招生季'),
  slug: z
    .string()
    .trim()
    .max(pageSlugLimit, { error: pageMessages.slugTooLong })
    .regex(pageSlugPattern, { error: pageMessages.slugInvalid })
    .describe('页面地址'),
  title: pageTitle,
  body: pageBody.default(''),
});
export const orderPagesInput = z.object({
  seasonId: idSchema('招生季'),
  pages: z
    .array(z.object({ pageId: idSchema('页面'), version }))
    .min(1)
    .max(50)
    .describe('新的顺序：本招生季的全部页面'),
});
