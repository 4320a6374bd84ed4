import { DomainError } from '../domain/errors';
import { idSchema } from './common';
import * as z from './zod';

const applicationId = idSchema('报名');
const date = (what: string) => z.iso.date({ error: `${what}格式应为 YYYY-MM-DD` });
const text = (what: string, max: number, min = 1) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(min, { error: min > 1 ? `${what}至少${min}个字` : `请填写${what}` })
    .max(max, { error: `${what}不能超过${max}个字` });

export const startInput = z.object({
  childId: idSchema('孩子'),
  entryId: idSchema('报名入口'),
  grade: z.number({ error: '请选择年级' }).int().min(1).max(9).optional().describe('插班生转学必填：二至六年级或八至九年级'),
  acceptDeclaration: z.literal(true, { error: '请先阅读并同意报名须知' }),
});

export const applicationInput = z.object({ applicationId });

export const revealOwnInput = z.object({
  applicationId,
  field: z.enum(['child', 'father', 'mother', 'sibling', 'studentNumber'], { error: '请选择要查看的证件号码' }),
});

export const chooseChannelInput = z.object({ applicationId, channelId: idSchema('报名通道') });

/** The form's fields, any subset (drafts are saved field by field); `null` clears a field. */
export const formFieldsInput = z
  .object({
    community: text('居住社区', 40),
    address: text('详细住址', 100, 5),
    hukouShowsRelation: z.boolean({ error: '请选择户口簿能否体现亲子关系' }),
    fatherName: text('父亲姓名', 20),
    fatherIdNumber: text('父亲身份证号码', 40),
    motherName: text('母亲姓名', 20),
    motherIdNumber: text('母亲身份证号码', 40),
    primarySchool: text('毕业小学', 40, 2),
    currentSchool: text('现就读学校', 40, 2),
    studentNumber: text('学籍号', 40),
    transferReason: text('转学原因', 200, 4),
    hukouRegisteredOn: date('户口取得时间'),
    hukouAddress: text('户籍地址', 100),
    employer: text('工作单位', 60),
    employerProof: z.enum(['salary', 'pension'], { error: '请选择证明材料类型' }),
    militaryCategory: z.enum(['active', 'civilian', 'martyr', 'hero', 'transferred', 'retired'], { error: '请选择身份类别' }),
    proofNumber: text('证件或证明编号', 40),
    propertyProof: z.enum(['certificate', 'contract', 'public_rental', 'original_resident'], { error: '请选择房产证明类型' }),
    propertyCertificateNumber: text('产权证或备案编号', 40),
    propertyAddress: text('房产地址', 100),
    businessProof: z.enum(['licence', 'park'], { error: '请选择经商证明类型' }),
    licenceNumber: text('营业执照编号', 40),
    licenceIssuedOn: date('营业执照取得时间'),
    parkEnterpriseName: text('入园企业名称', 60),
    position: text('职务', 30),
    pensionSince: date('养老保险参保时间'),
    pensionMonths: z.number({ error: '请填写连续缴费月数' }).int({ error: '月数应为整数' }).min(0).max(600),
    situation: text('情况说明', 500, 5),
  })
  .partial();

/**
 * A JSON key `__proto__` would be dropped by the record schema (it must not become a prototype): refuse it by name,
 * like any other unknown field, instead of silently ignoring it.
 */
function refuseProtoKey(value: Record<string, unknown>, ctx: { issues: z.core.$ZodRawIssue[] }): unknown {
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
    ctx.issues.push({ code: 'custom', message: '未知字段：__proto__', input: value, path: ['__proto__'] });
  }
  return value;
}

export const saveInput = z.object({
  applicationId,
  fields: z.preprocess(refuseProtoKey, z.record(z.string(), z.unknown())).describe('要保存的字段（可只含部分字段）；值为 null 表示清空'),
});

export const chooseSchoolsInput = z.object({
  applicationId,
  firstSchoolId: idSchema('第一志愿学校'),
  secondSchoolId: idSchema('第二志愿学校'),
  sibling: z
    .object({
      idNumber: text('兄姐身份证号码', 40),
      schoolId: idSchema('兄姐就读学校'),
      remark: z.string().trim().max(200, { error: '备注不能超过200个字' }).default(''),
    })
    .nullable()
    .default(null)
    .describe('兄姐同校优先：兄姐身份证号码、就读学校、备注'),
});

export const submitInput = z.object({
  applicationId,
  version: z.number().int().min(0).describe('预览时看到的版本号：提交的正是所预览的内容'),
});

export type FormPatch = Record<string, unknown>;

/**
 * Checks a draft patch field by field: unknown fields are refused, `null` clears a field, every other value must
 * pass its field's schema. Returns the patch or the messages per field.
 */
export function parseFormPatch(
  fields: Record<string, unknown>,
): { ok: true; patch: FormPatch } | { ok: false; errors: Record<string, string[]> } {
  const shape = formFieldsInput.shape as Record<string, z.ZodType>;
  // Keys come from the request: no prototype to find `constructor` or `toString` on, no `__proto__` setter.
  const patch: FormPatch = Object.create(null) as FormPatch;
  const errors: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [key, value] of Object.entries(fields)) {
    const schema = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!schema) {
      errors[key] = [`未知字段：${key}`];
      continue;
    }
    if (value === null) {
      patch[key] = null;
      continue;
    }
    const parsed = (schema as z.ZodOptional<z.ZodType>).unwrap().safeParse(value);
    if (parsed.success) patch[key] = parsed.data;
    else errors[key] = [parsed.error.issues[0]?.message ?? '格式不正确'];
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, patch };
}

/** The draft patch of `applications.save`, or INVALID_INPUT naming each field that does not pass. */
export function formPatchOf(fields: Record<string, unknown>): FormPatch {
  const parsed = parseFormPatch(fields);
  if (!parsed.ok) throw new DomainError('INVALID_INPUT', Object.values(parsed.errors)[0]![0]!, parsed.errors);
  return parsed.patch;
}

export const precheckInput = z.object({
  childId: idSchema('孩子'),
  entryId: idSchema('报名入口'),
  parentIdNumber: text('家长本人身份证号码', 40).describe('与孩子同一户口簿上的父亲或母亲本人的身份证号码'),
});
