import { describe, expect, it } from 'vitest';
import type { ChannelDocument } from '../../src/domain/catalog';
import {
  type ChannelSettings,
  criteriaChanges,
  criteriaNote,
  decideChannelDelete,
  decideChannelOrder,
  decideChannelUpdate,
  documentKindsChanged,
  documentsRefusal,
} from '../../src/domain/channel-admin';
import { channelTerms } from '../../src/domain/channel-terms';

const documents: ChannelDocument[] = [
  { kind: 'student-hukou', name: '学生户口簿' },
  { kind: 'licence', name: '营业执照', alternativeGroup: 'proof' },
  { kind: 'park', name: '园区证明', alternativeGroup: 'proof' },
];
const current: ChannelSettings = {
  name: '县城区常住户籍学生',
  definition: '学生本人于2024年3月1日前取得中心城区户口。',
  eligibility: { check: 'hukou', before: '2024-03-01', verifiable: true, manualProof: false },
  documents,
  enabled: true,
};
const unused = { applications: 0, submitted: 0 };
const live = { applications: 3, submitted: 2 };

describe('decideChannelUpdate', () => {
  it('changes the wording of a channel parents have submitted in, with before and after for the audit log', () => {
    const proposed = { ...current, name: '户籍学生', documents: documents.map((d) => ({ ...d, note: '原件照片' })) };
    expect(decideChannelUpdate({ current, proposed, usage: live })).toMatchObject({
      ok: true,
      set: proposed,
      before: current,
      after: proposed,
      criteria: [],
      kindsChanged: false,
    });
  });

  it('refuses nothing changed', () => {
    expect(decideChannelUpdate({ current, proposed: { ...current }, usage: unused })).toMatchObject({
      ok: false,
      message: '报名通道没有变化',
    });
  });

  it('refuses a document kind added, removed or renamed once parents have submitted, and allows it before', () => {
    const removed = { ...current, documents: documents.slice(0, 1).concat({ kind: 'x-proof', name: '证明' }) };
    const renamed = { ...current, documents: documents.map((d, i) => (i === 0 ? { ...d, kind: 'child-hukou' } : d)) };
    const added = { ...current, documents: [...documents, { kind: 'extra', name: '补充材料' }] };
    for (const proposed of [removed, renamed, added]) {
      expect(decideChannelUpdate({ current, proposed, usage: live })).toMatchObject({
        ok: false,
        code: 'CHANNEL_IN_USE',
        message: '已有 2 份报名按该通道提交，不能增删所需材料或修改材料代码；可修改材料名称、说明与条件，或新建通道',
      });
      expect(decideChannelUpdate({ current, proposed, usage: { applications: 1, submitted: 0 } })).toMatchObject({
        ok: true,
        kindsChanged: true,
      });
    }
  });

  it('refuses a different kind of check once parents have submitted', () => {
    const proposed = { ...current, eligibility: { ...current.eligibility, check: 'property' as const } };
    expect(decideChannelUpdate({ current, proposed, usage: live })).toMatchObject({ ok: false, code: 'CHANNEL_IN_USE' });
  });

  it('says what a moved cut-off or new minimum of months changes, for reviewers', () => {
    const proposed = { ...current, eligibility: { ...current.eligibility, before: '2024-03-15', minInsuredMonths: 12 } };
    const decided = decideChannelUpdate({ current, proposed, usage: live });
    expect(decided).toMatchObject({ ok: true, criteria: ['截止日期 2024-03-01 → 2024-03-15', '最少参保月数 无 → 12'] });
    expect(criteriaNote(['截止日期 2024-08-31 → 2024-09-15'])).toBe('审核条件已调整：截止日期 2024-08-31 → 2024-09-15，系统核验已重新进行');
  });
});

describe('the documents of a channel', () => {
  it('need at least one, each kind once, and two or more in an alternative group', () => {
    expect(documentsRefusal(documents)).toBeNull();
    expect(documentsRefusal([])).toMatchObject({ message: '请至少设置一项所需材料' });
    expect(documentsRefusal([...documents, documents[0]!])).toMatchObject({ message: '材料代码 student-hukou 重复' });
    expect(documentsRefusal(documents.slice(0, 2))).toMatchObject({ message: '任选其一的材料组「proof」至少要有两项材料' });
  });

  it('compare by their kinds, not their order or wording', () => {
    expect(
      documentKindsChanged(
        documents,
        [...documents].reverse().map((d) => ({ ...d, name: 'x' })),
      ),
    ).toBe(false);
    expect(documentKindsChanged(documents, documents.slice(1))).toBe(true);
  });
});

describe('criteriaChanges', () => {
  it('lists a cut-off set, cleared or moved and the minimum months', () => {
    expect(
      criteriaChanges(
        { check: 'pension', verifiable: true, manualProof: false },
        { check: 'pension', before: '2023-09-01', verifiable: true, manualProof: false },
      ),
    ).toEqual(['截止日期 无 → 2023-09-01']);
    expect(
      criteriaChanges(
        { check: 'pension', before: '2023-09-01', minInsuredMonths: 12, verifiable: true, manualProof: false },
        { check: 'pension', minInsuredMonths: 18, verifiable: true, manualProof: false },
      ),
    ).toEqual(['截止日期 2023-09-01 → 无', '最少参保月数 12 → 18']);
  });
});

describe('decideChannelDelete', () => {
  it('deletes only a channel no application uses, not even a draft', () => {
    expect(decideChannelDelete(unused)).toEqual({ ok: true });
    expect(decideChannelDelete({ applications: 1, submitted: 0 })).toMatchObject({
      ok: false,
      code: 'CHANNEL_IN_USE',
      message: '已有 1 份报名使用该通道，不能删除；可改为停用，停用后不再向家长提供',
    });
  });
});

describe('decideChannelOrder', () => {
  const track = [
    { id: 'a', version: 1, name: '甲' },
    { id: 'b', version: 0, name: '乙' },
  ];
  it('orders every channel of the track at the version seen', () => {
    expect(
      decideChannelOrder(track, [
        { channelId: 'b', version: 0 },
        { channelId: 'a', version: 1 },
      ]),
    ).toMatchObject({
      ok: true,
      sort: [
        { id: 'b', sort: 0 },
        { id: 'a', sort: 1 },
      ],
      before: ['甲', '乙'],
      after: ['乙', '甲'],
    });
  });
  it('refuses a partial order and a stale version', () => {
    expect(decideChannelOrder(track, [{ channelId: 'a', version: 1 }])).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(
      decideChannelOrder(track, [
        { channelId: 'a', version: 0 },
        { channelId: 'b', version: 0 },
      ]),
    ).toMatchObject({ ok: false, code: 'CHANNEL_CHANGED' });
  });
});

describe('channelTerms', () => {
  it('says the cut-off and the months as parents read them', () => {
    expect(channelTerms({ before: '2024-03-01', minInsuredMonths: 12 })).toEqual(['须在 2024-03-01 之前取得', '参保满 12 个月']);
    expect(channelTerms({})).toEqual([]);
  });
});
