import { applicationStatuses } from '../domain/application-status';
import { idSchema } from './common';
import * as z from './zod';

export const staffSignInInput = z.object({
  username: z.string({ error: '请填写用户名' }).trim().min(1, { error: '请填写用户名' }).max(40, { error: '用户名过长' }),
  password: z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }).max(200, { error: '密码过长' }),
  session: z.enum(['cookie', 'token']).default('cookie'),
});

export const queueFiltersInput = z.object({
  entryId: idSchema('报名入口').optional(),
  channelId: idSchema('报名通道').optional(),
  status: z.enum(applicationStatuses, { error: '状态不正确' }).optional(),
  schoolId: idSchema('学校').optional(),
  submittedFrom: z.iso.datetime({ error: '时间格式不正确' }).optional(),
  submittedTo: z.iso.datetime({ error: '时间格式不正确' }).optional(),
  q: z.string().trim().max(40, { error: '搜索内容过长' }).optional().describe('报名编号或学生姓名的一部分'),
  verification: z.enum(['pass', 'fail', 'manual', 'pending'], { error: '查验结果不正确' }).optional().describe('系统查验的最差结果'),
  resubmitted: z.boolean({ error: '筛选条件不正确' }).optional().describe('只看驳回后重新提交的报名'),
  propertyLocked: z.boolean({ error: '筛选条件不正确' }).optional().describe('只看房产在一房一位锁定期内的报名'),
});

export const queueInput = queueFiltersInput
  .extend({
    sort: z.enum(['submittedAt', 'number']).default('submittedAt'),
    order: z.enum(['asc', 'desc']).default('asc'),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .default({ sort: 'submittedAt', order: 'asc', page: 1, pageSize: 50 });

export const applicationRef = z.object({ applicationId: idSchema('报名') });

export const decisionInput = z.object({
  applicationId: idSchema('报名'),
  version: z.number().int().min(0).optional().describe('审核员看到的版本号：他人已处理时返回 CONFLICT'),
  reason: z.string().trim().max(500, { error: '原因不能超过500个字' }).optional(),
});

const faultName = z.string({ error: '问题项不正确' }).regex(/^[A-Za-z0-9-]{1,40}$/, { error: '问题项不正确' });

export const rejectInput = decisionInput.extend({
  reason: z.string({ error: '驳回须填写原因' }).trim().min(2, { error: '驳回须填写原因' }).max(500, { error: '原因不能超过500个字' }),
  faults: z
    .object({
      fields: z.array(faultName).max(40, { error: '问题项过多' }).default([]),
      documents: z.array(faultName).max(40, { error: '问题材料过多' }).default([]),
    })
    .optional()
    .describe('需要家长修改的表单项（字段名）和材料（材料类型）：只能是该报名自己的表单项和所需材料'),
});

export const bulkApproveInput = z.object({
  applicationIds: z.array(idSchema('报名')).min(1, { error: '请选择报名' }).max(500, { error: '一次最多批量处理500条' }),
});

export const revealInput = z.object({
  applicationId: idSchema('报名'),
  field: z.enum(['child', 'father', 'mother', 'sibling', 'studentNumber'], { error: '请选择要查看的证件号码' }),
});

export const auditInput = z
  .object({
    staffId: idSchema('工作人员').optional(),
    action: z.string().max(40).optional(),
    applicationId: idSchema('报名').optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    before: z.iso.datetime().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .default({ limit: 100 });

const role = z.enum(['admin', 'county_reviewer', 'school_reviewer', 'agent'], { error: '角色不正确' });
/** An agent's (代办员) community office, when they do not work at a school. */
const office = z.string().trim().max(60).nullable().optional();
export const createStaffInput = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,40}$/, { error: '用户名为3至40位小写字母、数字或 _ . -' }),
  displayName: z.string().trim().min(2, { error: '请填写姓名' }).max(40),
  role,
  schoolId: idSchema('学校').nullable().optional(),
  office,
  password: z.string().max(200),
});
export const updateStaffInput = z.object({
  staffId: idSchema('工作人员'),
  displayName: z.string().trim().min(2).max(40).optional(),
  role: role.optional(),
  schoolId: idSchema('学校').nullable().optional(),
  office,
  password: z.string().max(200).optional(),
  disabled: z.boolean().optional(),
});

export const bindingAppealsInput = z
  .object({
    status: z.enum(['open', 'settled'], { error: '状态不正确' }).default('open'),
  })
  .default({ status: 'open' });
export const settleBindingAppealInput = z.object({
  appealId: idSchema('申诉'),
  grant: z.boolean({ error: '请选择是否支持申诉' }),
  reason: z.string({ error: '请填写处理意见' }).trim().min(2, { error: '请填写处理意见' }).max(500, { error: '处理意见最多500字' }),
});
