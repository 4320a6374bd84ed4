import { describe, expect, it } from 'vitest';
import { taojiang2024 } from '../../db/seed/taojiang-2024';
import { formFields, missingFields } from '../../src/domain/application-form';
import { siblingDocuments, whatIsMissing } from '../../src/domain/application-missing';
import { type DocumentSide, uploadedSides } from '../../src/domain/document-sides';
import { missingDocuments } from '../../src/domain/eligibility';

const channel = (code: string) => taojiang2024.entries[0]!.tracks[0]!.channels.find((c) => c.code === code)!;
const dates: Record<string, string> = { hukouRegisteredOn: '2020-05-01', licenceIssuedOn: '2020-05-01', pensionSince: '2020-05-01' };

/** Every field of the channel's form filled with something acceptable to its cut-offs. */
function filledForm(code: string, extra: Record<string, unknown> = {}) {
  const form: Record<string, unknown> = { hukouShowsRelation: true, propertyProof: 'certificate', ...extra };
  for (const field of formFields({ entry: 'grade1', channel: code }, form))
    form[field] ??= dates[field] ?? (field === 'pensionMonths' ? 24 : '有');
  return form;
}

/** Both sides of every two-sided document of the seed (the ID cards) on file. */
const bothSides = uploadedSides(
  taojiang2024.entries.flatMap((e) =>
    e.tracks.flatMap((t) =>
      t.channels.flatMap((c) =>
        c.documents.filter((d) => d.twoSided).flatMap((d) => (['front', 'back'] as DocumentSide[]).map((side) => ({ kind: d.kind, side }))),
      ),
    ),
  ),
);

const draft = (code: string | null, overrides: Partial<Parameters<typeof whatIsMissing>[0]> = {}) => ({
  entry: 'grade1' as const,
  channel: code ? channel(code) : null,
  form: {},
  firstSchoolId: null,
  secondSchoolId: null,
  sibling: false,
  ...overrides,
});

describe('what is missing before an application can be submitted', () => {
  it('without a channel, only the channel', () => {
    expect(whatIsMissing(draft(null), new Set(), bothSides)).toEqual([{ step: 'channel', label: '报名通道' }]);
  });

  it('names each empty field on the form step, the schools, and each document by its kind', () => {
    const missing = whatIsMissing(draft('hukou'), new Set(), bothSides);
    expect(missing.filter((m) => m.step === 'form').map((m) => m.field)).toEqual(missingFields({ entry: 'grade1', channel: 'hukou' }, {}));
    expect(missing.filter((m) => m.step === 'form').map((m) => m.label)).toContain('居住社区');
    expect(missing).toContainEqual({ step: 'schools', field: 'schools', label: '两所志愿学校' });
    const documents = missing.filter((m) => m.step === 'documents');
    expect(documents.map((m) => m.documentKind)).toEqual(
      missingDocuments(channel('hukou').documents, new Set(), { hukouShowsRelation: null }).map((d) => d.kind),
    );
    expect(documents).toContainEqual({ step: 'documents', documentKind: 'student-hukou', label: '材料：学生本人户口簿页' });
    expect(missing.every((m) => m.field !== undefined || m.documentKind !== undefined)).toBe(true);
  });

  it('names a group of alternative proofs by its group, and asks for the birth certificate only when the hukou lacks the relation', () => {
    const property = channel('property');
    const uploaded = new Set(property.documents.filter((d) => !d.alternativeGroup && !d.condition).map((d) => d.kind));
    const complete = { form: filledForm('property'), firstSchoolId: 's1', secondSchoolId: 's2' };
    expect(whatIsMissing(draft('property', complete), uploaded, bothSides)).toEqual([
      { step: 'documents', documentKind: 'property-proof', label: expect.stringMatching(/^材料：.*（任选其一）$/) },
    ]);
    const lacking = { ...complete, form: filledForm('property', { hukouShowsRelation: false }) };
    expect(whatIsMissing(draft('property', lacking), new Set([...uploaded, 'property-certificate']), bothSides)).toEqual([
      { step: 'documents', documentKind: 'birth-certificate', label: '材料：出生医学证明' },
    ]);
  });

  it('puts a claim that fails the channel cut-off on its field of the form step', () => {
    const form = filledForm('migrant-worker', { pensionMonths: 6 });
    const missing = whatIsMissing(
      draft('migrant-worker', { form, firstSchoolId: 's1', secondSchoolId: 's2' }),
      new Set(channel('migrant-worker').documents.map((d) => d.kind)),
      bothSides,
    );
    expect(missing).toEqual([{ step: 'form', field: 'pensionMonths', label: '须连续缴纳养老保险满12个月' }]);
  });

  it('asks for the sibling proofs on the schools step, where sibling priority is claimed', () => {
    const all = new Set(channel('hukou').documents.map((d) => d.kind));
    const claimed = draft('hukou', { form: filledForm('hukou'), firstSchoolId: 's1', secondSchoolId: 's2', sibling: true });
    expect(whatIsMissing(claimed, all, bothSides)).toEqual(
      siblingDocuments.map((d) => ({ step: 'schools', documentKind: d.kind, label: `材料：${d.name}` })),
    );
    expect(whatIsMissing(claimed, new Set([...all, ...siblingDocuments.map((d) => d.kind)]), bothSides)).toEqual([]);
    expect(whatIsMissing({ ...claimed, sibling: false }, all, bothSides)).toEqual([]);
  });

  it('asks a grade-7 pupil for the primary school and 学籍号, a transfer also for the current school and the reason', () => {
    const form = filledForm('hukou');
    const ready = { form, firstSchoolId: 's1', secondSchoolId: 's2' };
    const all = new Set(channel('hukou').documents.map((d) => d.kind));
    const fieldsMissing = (entry: 'grade1' | 'grade7' | 'transfer') =>
      whatIsMissing(draft('hukou', { ...ready, entry }), all, bothSides).map((m) => `${m.field}:${m.label}`);
    expect(fieldsMissing('grade1')).toEqual([]);
    expect(fieldsMissing('grade7')).toEqual(['primarySchool:毕业小学', 'studentNumber:学籍号']);
    expect(fieldsMissing('transfer')).toEqual(['currentSchool:现就读学校', 'studentNumber:学籍号', 'transferReason:转学原因']);
  });
});
