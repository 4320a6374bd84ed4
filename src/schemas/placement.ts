import { idSchema } from './common';
import * as z from './zod';
import { tierLimits } from '../domain/placement/rules-change';
import { demandNoticeLimit } from '../domain/placement/seat-demand';
import { propertyLockYearsLimit } from '../domain/property-lock';

const tierSchema = z.object({
  label: z
    .string({ error: '请填写顺位名称' })
    .trim()
    .min(1, { error: '请填写顺位名称' })
    .max(tierLimits.label, { error: `顺位名称不能超过${tierLimits.label}个字` }),
  rule: z.object({
    channels: z.array(z.string().max(40)).max(30).readonly().optional().describe('只收这些报名通道（不填则不限）'),
    inCatchment: z.boolean().optional().describe('须在（或不在）该校服务片区'),
    sibling: z.boolean().optional().describe('须有（或没有）兄弟姐妹在该校就读'),
  }),
});

export const seasonPlacementInput = z.object({ seasonId: idSchema('招生季') });

export const updatePlacementRulesInput = z.object({
  seasonId: idSchema('招生季'),
  version: z.number({ error: '请提供规则版本' }).int().min(0).describe('修改所依据的版本号：他人已修改则拒绝'),
  tiers: z.array(tierSchema).max(tierLimits.tiers).describe('录取顺位，第一项最优先'),
  mechanism: z.enum(['da', 'ia'], { error: '请选择派位方式' }).describe('da：学生提议的延迟接受（推荐）；ia：志愿优先'),
  propertyLockYears: z
    .number({ error: '请填写房产锁定年限' })
    .int({ error: '房产锁定年限应为整数' })
    .min(0, { error: '房产锁定年限不能小于0' })
    .max(propertyLockYearsLimit, { error: `房产锁定年限不能超过${propertyLockYearsLimit}年` })
    .optional()
    .describe('一房一位：通过房产入学后该房产锁定的年数，0 表示不锁定；不填则不变'),
});

export const recordCommitmentInput = z.object({
  seasonId: idSchema('招生季'),
  name: z.string({ error: '请填写监督人姓名' }).trim().min(1, { error: '请填写监督人姓名' }).max(40, { error: '姓名不能超过40个字' }),
  role: z.string({ error: '请填写监督人身份' }).trim().min(1, { error: '请填写监督人身份' }).max(40, { error: '身份不能超过40个字' }),
  commitment: z
    .string({ error: '请填写承诺值' })
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, { error: '承诺值应为64位十六进制的 SHA-256 摘要' })
    .describe('监督人秘密随机数的 SHA-256（十六进制）'),
});

export const revealContributionInput = z.object({
  observerId: idSchema('监督人'),
  contribution: z
    .string({ error: '请填写秘密随机数' })
    .min(1, { error: '请填写秘密随机数' })
    .max(200, { error: '秘密随机数不能超过200个字符' }),
});

export const dryRunInput = z.object({
  seasonId: idSchema('招生季'),
  entryId: idSchema('报名入口'),
  grade: z.number({ error: '请选择年级' }).int().min(1, { error: '年级为1至9' }).max(9, { error: '年级为1至9' }),
});

export const demandNoticeInput = z.object({
  seasonId: idSchema('招生季'),
  schoolId: idSchema('学校'),
  version: z.number({ error: '请提供学校版本' }).int().min(0).describe('修改所依据的版本号：他人已修改则拒绝'),
  notice: z
    .string()
    .trim()
    .max(demandNoticeLimit, { error: `预警内容不能超过${demandNoticeLimit}个字` })
    .nullable()
    .transform((v) => (v ? v : null))
    .describe('向家长公布的学位预警；null 或空则撤下'),
});

export const drawInput = z.object({ drawId: idSchema('派位') });

export const publishResultsInput = drawInput.extend({
  publicityDays: z
    .number({ error: '请填写公示天数' })
    .int({ error: '公示天数应为整数' })
    .min(1, { error: '公示天数为1至15天' })
    .max(15, { error: '公示天数为1至15天' })
    .default(5)
    .describe('公示期（天），自公布时起'),
  confirmDays: z
    .number({ error: '请填写确认入学天数' })
    .int({ error: '确认入学天数应为整数' })
    .min(1, { error: '确认入学期限为1至30天' })
    .max(30, { error: '确认入学期限为1至30天' })
    .default(7)
    .describe('家长确认入学的期限（天），自公布时起'),
});

export const fileObjectionInput = z.object({
  applicationId: idSchema('报名'),
  reason: z
    .string({ error: '请填写异议理由' })
    .trim()
    .min(5, { error: '请写明异议理由（至少5个字）' })
    .max(500, { error: '异议理由不能超过500个字' }),
});

export const decideObjectionInput = z.object({
  objectionId: idSchema('异议'),
  outcome: z.enum(['upheld', 'dismissed'], { error: '请选择处理结果' }),
  reason: z.string({ error: '请填写处理理由' }).trim().min(2, { error: '请填写处理理由' }).max(500, { error: '处理理由不能超过500个字' }),
  schoolId: idSchema('学校').nullable().optional().describe('异议成立时改为录取的学校（不填则不变）'),
});

export const assignSchoolInput = z.object({
  drawId: idSchema('派位'),
  applicationId: idSchema('报名'),
  schoolId: idSchema('学校'),
});

export const confirmSeatInput = z
  .object({
    applicationId: idSchema('报名'),
    accept: z.boolean({ error: '请选择确认入学或放弃学位' }).describe('true：确认入学；false：放弃学位（学位退回第二轮派位或统筹安排）'),
    secondRound: z
      .boolean({ error: '请选择是否参加第二轮派位' })
      .optional()
      .describe('放弃第一轮学位时申请参加第二轮派位（不会再派回放弃的学校）'),
  })
  .refine((v) => v.accept === false || v.secondRound !== true, {
    error: '确认入学时不能申请参加第二轮派位',
    path: ['secondRound'],
  });

export const secondRoundInput = drawInput;

export const confirmedListInput = z.object({
  schoolId: idSchema('学校').nullable().optional().describe('学校审核员只能看本校；教育局和管理员可选任一学校（不填：第一所）'),
  seasonId: idSchema('招生季').nullable().optional().describe('不填：最近一个已公布录取结果的招生季'),
});
