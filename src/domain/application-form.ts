import type { EntryCode } from './catalog';
import { maskIdNumber } from './masking';
import { maskStudentNumber } from './student-number';

/**
 * The application form: the fields every channel asks for, those of the entry (a grade-7 pupil's primary school, a
 * transfer's current school, 学籍号) and those of each channel (guide 一 and 二(六)).
 * Drafts may hold any subset; submission needs every required field of the chosen entry and channel.
 */
export const fieldLabels = {
  community: '居住社区',
  address: '详细住址',
  hukouShowsRelation: '户口簿能否体现亲子关系',
  fatherName: '父亲姓名',
  fatherIdNumber: '父亲身份证号码',
  motherName: '母亲姓名',
  motherIdNumber: '母亲身份证号码',
  primarySchool: '毕业小学',
  currentSchool: '现就读学校',
  studentNumber: '学籍号',
  transferReason: '转学原因',
  hukouRegisteredOn: '学生户口取得时间',
  hukouAddress: '户籍地址',
  employer: '工作单位',
  employerProof: '证明材料类型',
  militaryCategory: '身份类别',
  proofNumber: '证件或证明编号',
  propertyProof: '房产证明类型',
  propertyCertificateNumber: '产权证或备案编号',
  propertyAddress: '房产地址',
  businessProof: '经商证明类型',
  licenceNumber: '营业执照编号',
  licenceIssuedOn: '营业执照取得时间',
  parkEnterpriseName: '入园企业名称',
  position: '职务',
  pensionSince: '养老保险参保时间',
  pensionMonths: '连续缴费月数',
  situation: '情况说明',
} as const;
export type FormField = keyof typeof fieldLabels;

/**
 * Fields whose values are ID numbers, stored encrypted and shown masked: the parents' and the child's 学籍号
 * (全国学籍号: G and the child's ID number for a pupil with a resident ID card).
 */
export const secretFields = ['fatherIdNumber', 'motherIdNumber', 'studentNumber'] as const;
export type SecretField = (typeof secretFields)[number];
export const isSecretField = (field: string): field is SecretField => (secretFields as readonly string[]).includes(field);

/** The name a secret field is revealed by (`applications.revealId`, `review.revealId`). */
export const revealNameOf = { fatherIdNumber: 'father', motherIdNumber: 'mother', studentNumber: 'studentNumber' } as const;
export type RevealName = (typeof revealNameOf)[SecretField];

/** A secret field's value as pages and lists show it. */
export const maskSecret = (field: SecretField, normalized: string) =>
  field === 'studentNumber' ? maskStudentNumber(normalized) : maskIdNumber(normalized);

export const commonRequired: readonly FormField[] = [
  'community',
  'address',
  'hukouShowsRelation',
  'fatherName',
  'fatherIdNumber',
  'motherName',
  'motherIdNumber',
];

type Form = Partial<Record<FormField, unknown>>;

/**
 * What the entry asks whatever the channel: a pupil who already goes to school is identified by the school and the
 * 学籍号 (the 学籍 system moves the record); a transfer also says why.
 */
export const entryFields: Record<EntryCode, readonly FormField[]> = {
  grade1: [],
  grade7: ['primarySchool', 'studentNumber'],
  transfer: ['currentSchool', 'studentNumber', 'transferReason'],
};

/** The form an application fills: its entry's and its channel's. */
export interface FormKind {
  entry: EntryCode;
  channel: string;
}

/** The channel's own required fields, some depending on which proof the parent holds. */
const channelRequired: Record<string, (form: Form) => FormField[]> = {
  hukou: () => ['hukouRegisteredOn', 'hukouAddress'],
  'public-servant': () => ['employer', 'employerProof'],
  military: () => ['militaryCategory'],
  property: (f) => [
    'propertyProof',
    'propertyAddress',
    ...(f.propertyProof === 'certificate' || f.propertyProof === 'contract' ? ['propertyCertificateNumber' as const] : []),
  ],
  business: (f) => [
    'businessProof',
    ...(f.businessProof === 'park' ? ['parkEnterpriseName' as const] : ['licenceNumber' as const, 'licenceIssuedOn' as const]),
  ],
  'migrant-worker': () => ['employer', 'pensionSince', 'pensionMonths'],
  other: () => ['situation'],
  'park-enterprise': () => ['parkEnterpriseName', 'position'],
};

/** The fields the form shows, in order: common, then the entry's, then the channel's. */
export function formFields(kind: FormKind, form: Form): FormField[] {
  const channel = Object.hasOwn(channelRequired, kind.channel) ? channelRequired[kind.channel]!(form) : [];
  return [...commonRequired, ...entryFields[kind.entry], ...channel];
}

/** Required fields still empty, for the application's entry and chosen channel. */
export function missingFields(kind: FormKind, form: Form): FormField[] {
  return formFields(kind, form).filter((field) => {
    const value = form[field];
    return value === undefined || value === null || value === '';
  });
}

/** The form as it may be shown: each sealed ID number replaced by its masked form. */
export function maskedForm(form: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...form };
  for (const field of secretFields) {
    const value = form[field] as { masked?: string } | undefined;
    if (value && typeof value === 'object') out[field] = value.masked ?? null;
  }
  return out;
}
