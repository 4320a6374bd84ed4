import { describe, expect, it } from 'vitest';
import { taojiang2024 } from '../../db/seed/taojiang-2024';
import { whatIsMissing } from '../../src/domain/application-missing';
import { missingSides, sideRefusal, uploadedSides } from '../../src/domain/document-sides';

const hukou = taojiang2024.entries[0]!.tracks[0]!.channels.find((c) => c.code === 'hukou')!;
const kinds = hukou.documents.filter((d) => !d.condition).map((d) => d.kind);
const complete = {
  channel: hukou,
  form: {
    community: '资江社区',
    address: '1号',
    hukouShowsRelation: true,
    fatherName: '李',
    fatherIdNumber: 'x',
    motherName: '王',
    motherIdNumber: 'y',
    hukouRegisteredOn: '2020-05-01',
    hukouAddress: '资江社区',
  },
  firstSchoolId: 's1',
  secondSchoolId: 's2',
  sibling: false,
  entry: 'grade1' as const,
};
const documentsMissing = (files: { kind: string; side: 'front' | 'back' | null }[]) =>
  whatIsMissing(complete, new Set(files.map((f) => f.kind)), uploadedSides(files)).filter((m) => m.step === 'documents');
const oneSided = kinds.filter((k) => !k.endsWith('id-card')).map((kind) => ({ kind, side: null }));

describe('正面 and 反面 of an ID card', () => {
  it('the seed marks both parents’ ID cards as two-sided, and nothing else', () => {
    expect(hukou.documents.filter((d) => d.twoSided).map((d) => d.kind)).toEqual(['father-id-card', 'mother-id-card']);
  });

  it('an ID card with only its front on file is missing its back, named by side', () => {
    const missing = documentsMissing([
      ...oneSided,
      { kind: 'father-id-card', side: 'front' },
      { kind: 'father-id-card', side: 'back' },
      { kind: 'mother-id-card', side: 'front' },
    ]);
    expect(missing).toEqual([{ step: 'documents', documentKind: 'mother-id-card', side: 'back', label: '材料：母亲身份证反面' }]);
  });

  it('an ID card with no file at all is missing as a whole, not side by side', () => {
    const missing = documentsMissing([...oneSided, { kind: 'father-id-card', side: 'back' }]);
    expect(missing).toEqual([
      { step: 'documents', documentKind: 'mother-id-card', label: '材料：母亲身份证' },
      { step: 'documents', documentKind: 'father-id-card', side: 'front', label: '材料：父亲身份证正面' },
    ]);
  });

  it('both sides of both cards complete the documents; two fronts do not', () => {
    const both = (kind: string) => [
      { kind, side: 'front' as const },
      { kind, side: 'back' as const },
    ];
    expect(documentsMissing([...oneSided, ...both('father-id-card'), ...both('mother-id-card')])).toEqual([]);
    const twoFronts = [...oneSided, ...both('father-id-card'), { kind: 'mother-id-card', side: 'front' as const }];
    expect(documentsMissing([...twoFronts, { kind: 'mother-id-card', side: 'front' }]).map((m) => m.side)).toEqual(['back']);
  });

  it('one file without a side (both faces on one page) completes a card, whatever else is on file', () => {
    expect(documentsMissing([...oneSided, { kind: 'father-id-card', side: null }, { kind: 'mother-id-card', side: null }])).toEqual([]);
    expect(
      missingSides(
        hukou.documents,
        uploadedSides([
          { kind: 'father-id-card', side: 'front' },
          { kind: 'father-id-card', side: null },
          { kind: 'mother-id-card', side: 'back' },
        ]),
      ),
    ).toEqual([{ kind: 'mother-id-card', name: '母亲身份证', side: 'front' }]);
  });

  it('only a two-sided document may name a side', () => {
    expect(sideRefusal({ twoSided: true }, 'back')).toBeNull();
    expect(sideRefusal({ twoSided: true }, null)).toBeNull();
    expect(sideRefusal({}, null)).toBeNull();
    expect(sideRefusal({}, 'front')).toBe('这类材料不分正反面');
    expect(sideRefusal(undefined, 'front')).toBe('这类材料不分正反面');
  });
});
