/**
 * The application form: the fields every channel asks for, and those of each channel (guide 一 and 二(六)).
 * Drafts may hold any subset; submission needs every required field of the chosen channel.
 */
export const fieldLabels = {
  community: '居住社区',
  address: '详细住址',
  hukouShowsRelation: '户口簿能否体现亲子关系',
  fatherName: '父亲姓名',
  fatherIdNumber: '父亲身份证号码',
  motherName: '母亲姓名',
  motherIdNumber: '母亲身份证号码',
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

/** Fields whose values are ID numbers: stored encrypted, shown masked. */
export const secretFields = ['fatherIdNumber', 'motherIdNumber'] as const;

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

/** The fields a channel's form shows, in order (common first). */
export function formFields(channelCode: string, form: Form): FormField[] {
  return [...commonRequired, ...(Object.hasOwn(channelRequired, channelCode) ? channelRequired[channelCode]!(form) : [])];
}

/** Required fields still empty, for the chosen channel. */
export function missingFields(channelCode: string, form: Form): FormField[] {
  return formFields(channelCode, form).filter((field) => {
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
