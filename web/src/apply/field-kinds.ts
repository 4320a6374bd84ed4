import type { FormField } from '../../../src/domain/application-form';
import { zhApply } from '../i18n/zh-CN-apply';

/** How each form field is entered on a phone. */
export type FieldKind =
  | { type: 'text'; max: number; multiline?: boolean; placeholder?: string }
  | { type: 'date' }
  | { type: 'id'; max: number; placeholder: string }
  | { type: 'yesno' }
  | { type: 'choice'; options: Record<string, string> }
  | { type: 'community' }
  | { type: 'months' };

const text = (max: number, placeholder?: string): FieldKind => ({ type: 'text', max, placeholder });
const idNumber: FieldKind = { type: 'id', max: 18, placeholder: zhApply.formStep.idPlaceholder };
const choice = (field: string): FieldKind => ({ type: 'choice', options: zhApply.formOptions[field] ?? {} });

export const fieldKinds: Record<FormField, FieldKind> = {
  community: { type: 'community' },
  address: text(100, '如：桃花江镇资江路88号3栋201'),
  hukouShowsRelation: { type: 'yesno' },
  fatherName: text(20, '与户口簿一致'),
  fatherIdNumber: idNumber,
  motherName: text(20, '与户口簿一致'),
  motherIdNumber: idNumber,
  primarySchool: text(40, '如：桃江县桃花江镇第一完全小学'),
  currentSchool: text(40, '学校全称'),
  studentNumber: { type: 'id', max: 20, placeholder: zhApply.formStep.studentNumberPlaceholder },
  transferReason: { type: 'text', max: 200, multiline: true },
  hukouRegisteredOn: { type: 'date' },
  hukouAddress: text(100, '与户口簿一致'),
  employer: text(60),
  employerProof: choice('employerProof'),
  militaryCategory: choice('militaryCategory'),
  proofNumber: text(40),
  propertyProof: choice('propertyProof'),
  propertyCertificateNumber: text(40),
  propertyAddress: text(100),
  businessProof: choice('businessProof'),
  licenceNumber: text(40),
  licenceIssuedOn: { type: 'date' },
  parkEnterpriseName: text(60),
  position: text(30),
  pensionSince: { type: 'date' },
  pensionMonths: { type: 'months' },
  situation: { type: 'text', max: 500, multiline: true },
};

/** A stored value as the preview shows it: 能/不能, the choice's label, months with their unit. */
export function displayValue(field: FormField, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const kind = fieldKinds[field];
  if (kind.type === 'yesno') return value ? zhApply.formStep.yes : zhApply.formStep.no;
  if (kind.type === 'choice') return kind.options[String(value)] ?? String(value);
  if (kind.type === 'months') return `${String(value)}${zhApply.formStep.months}`;
  return String(value);
}
