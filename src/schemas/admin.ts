import * as z from './zod';
import { pageBodyLimit, pageMessages, pageSlugLimit, pageSlugPattern, pageTitleLimit } from '../domain/policy-pages';
import { idSchema } from './common';

export const acknowledgeAlertInput = z.object({ alertId: idSchema('告警') });
export const retryDeadLetterInput = z.object({ outboxId: idSchema('短信') });

/** An instant with its offset, as the pages send China time: `2024-07-27T00:00:00+08:00`. */
const instant = (what: string) => z.iso.datetime({ offset: true, error: `${what}格式不正确` }).transform((text) => new Date(text));

export const seasonInput = z.object({ seasonId: idSchema('招生季') });

export const publishSeasonInput = z.object({
  seasonId: idSchema('招生季'),
  version: z.number().int().min(0).describe('发布所依据的版本号：他人已修改则拒绝'),
});

export const copySeasonInput = z.object({
  fromSeasonId: idSchema('招生季'),
  code: z
    .string({ error: '请填写招生季编号' })
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,29}$/, { error: '招生季编号为2至30位小写字母、数字或连字符，如 2025-autumn' }),
  name: z.string({ error: '请填写招生季名称' }).trim().min(2, { error: '请填写招生季名称' }).max(30, { error: '招生季名称不能超过30个字' }),
  years: z
    .number({ error: '请填写顺延年数' })
    .int({ error: '顺延年数应为整数' })
    .min(1, { error: '顺延年数为1至5' })
    .max(5, { error: '顺延年数为1至5' }),
});

export const changeWindowInput = z.object({
  windowId: idSchema('报名时间'),
  version: z.number().int().min(0).describe('修改所依据的版本号：他人已修改则拒绝'),
  opensAt: instant('开始时间'),
  closesAt: instant('截止时间'),
  correctionDays: z
    .number({ error: '请填写驳回后可修改的天数' })
    .int({ error: '天数应为整数' })
    .min(1, { error: '驳回后可修改的天数为1至15天' })
    .max(15, { error: '驳回后可修改的天数为1至15天' })
    .optional()
    .describe('驳回后可修改的天数（与报名截止时间取较晚者）；不填则不变'),
  reviewEndsAt: instant('网上初审结束时间').nullable().optional().describe('网上初审结束时间；null 为不公布；不填则不变'),
  schoolReviewEndsAt: instant('学校审核结束时间').nullable().optional().describe('学校审核结束时间；null 为不公布；不填则不变'),
});

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
