import { idSchema } from './common';
import * as z from './zod';

/** Caps on what an administrator types into a channel. */
export const channelLimits = { name: 80, definition: 1000, documents: 20, documentName: 60, documentNote: 200, channels: 30 } as const;

const checks = ['hukou', 'public_servant', 'military', 'property', 'business', 'pension', 'park_enterprise', 'other'] as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` });

const key = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, { error: `${label}为2至40位小写字母、数字或连字符，以字母开头` });

/** Blank means none. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

export const channelEligibilitySchema = z.object({
  check: z.enum(checks, { error: '请选择核验方式' }).describe('系统核验什么：户籍、公职、军人、房产、经商、社保、园区企业、其他'),
  before: optional(z.iso.date({ error: '截止日期格式为 YYYY-MM-DD' }))
    .refine((v) => v === undefined || (v >= '2000-01-01' && v <= '2099-12-31'), { error: '截止日期须在2000年至2099年之间' })
    .describe('记录须早于此日（不含当日）'),
  minInsuredMonths: optional(
    z
      .number({ error: '最少参保月数应为数字' })
      .int({ error: '最少参保月数应为整数' })
      .min(1, { error: '最少参保月数为1至240' })
      .max(240, { error: '最少参保月数为1至240' }),
  ).describe('最少连续参保月数'),
  verifiable: z.boolean().describe('系统可查验'),
  manualProof: z.boolean().describe('需人工审核纸质证明'),
});

export const channelDocumentSchema = z.object({
  kind: key('材料代码').describe('材料代码：家长上传的材料按此归类，提交后不能更改'),
  name: text('材料名称', channelLimits.documentName),
  note: optional(
    z
      .string()
      .trim()
      .max(channelLimits.documentNote, { error: `材料说明不能超过${channelLimits.documentNote}个字` }),
  ),
  alternativeGroup: optional(key('任选其一分组')).describe('同组材料任选其一'),
  condition: optional(z.enum(['hukou_lacks_relation'])).describe('仅在户口簿未体现亲子关系时需要'),
  twoSided: optional(z.boolean()).describe('正反两面（如身份证）'),
});

const settings = {
  name: text('通道名称', channelLimits.name),
  definition: text('通道说明', channelLimits.definition),
  eligibility: channelEligibilitySchema,
  documents: z
    .array(channelDocumentSchema)
    .min(1, { error: '请至少设置一项所需材料' })
    .max(channelLimits.documents, { error: `所需材料不能超过${channelLimits.documents}项` }),
  enabled: z.boolean().describe('停用后不再向家长提供；已在该通道的报名不受影响'),
};

const version = z.number({ error: '请提供通道版本' }).int().min(0).describe('修改所依据的版本号：他人已修改则拒绝');

export const seasonChannelsInput = z.object({ seasonId: idSchema('招生季') });

export const updateChannelInput = z.object({ channelId: idSchema('报名通道'), version, ...settings });

export const createChannelInput = z.object({
  trackId: idSchema('报名类别'),
  code: key('通道代码'),
  ...settings,
  enabled: settings.enabled.default(true),
});

export const reorderChannelsInput = z.object({
  trackId: idSchema('报名类别'),
  channels: z
    .array(z.object({ channelId: idSchema('报名通道'), version }))
    .min(1)
    .max(channelLimits.channels)
    .describe('新的顺序：该组的全部报名通道'),
});

export const deleteChannelInput = z.object({ channelId: idSchema('报名通道'), version });
