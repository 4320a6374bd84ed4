import { describe, expect, it } from 'vitest';
import { publishProblems, type SeasonFacts } from '../../src/domain/season-check';

const window = { opensAt: new Date('2025-07-15T00:00:00+08:00'), closesAt: new Date('2025-07-26T00:00:00+08:00') };
const channel = {
  name: '县城区常住户籍学生',
  track: '小学一年级新生',
  documents: [{ kind: 'student-hukou', name: '学生本人户口簿页' }],
  eligibility: { check: 'hukou' as const, before: '2025-03-01', verifiable: true, manualProof: false },
};
const ready: SeasonFacts = {
  entries: [{ name: '小学一年级新生', window, levels: ['primary'], channels: [channel] }],
  schools: [{ name: '桃花江镇第一完全小学', level: 'primary', capacity: 300, communities: ['资江社区', '桃花社区'] }],
  communities: ['资江社区', '桃花社区'],
  otherWindows: [],
};

describe('the publish check', () => {
  it('finds nothing in a ready season', () => {
    expect(publishProblems(ready)).toEqual([]);
  });

  it('lists every problem at once, named so an administrator can find it', () => {
    const problems = publishProblems({
      entries: [
        { name: '小学一年级新生', window: null, levels: ['primary'], channels: [] },
        {
          name: '插班生转学',
          window,
          levels: ['primary'],
          channels: [{ ...channel, documents: [], eligibility: { ...channel.eligibility, before: '2025-08-01' } }],
        },
      ],
      schools: [
        { name: '桃花江镇第一完全小学', level: 'primary', capacity: 0, communities: ['资江社区'] },
        { name: '桃花江镇第二完全小学', level: 'primary', capacity: 200, communities: [] },
      ],
      communities: ['资江社区', '桃花社区'],
      otherWindows: [
        {
          season: '2024年秋季',
          entry: '小学一年级新生',
          opensAt: new Date('2025-07-20T00:00:00+08:00'),
          closesAt: new Date('2025-08-01T00:00:00+08:00'),
        },
      ],
    });
    expect(problems).toEqual([
      '「小学一年级新生」没有报名时间',
      '「小学一年级新生」没有报名通道',
      '「插班生转学 · 小学一年级新生 · 县城区常住户籍学生」没有要求上传的材料',
      '「插班生转学 · 小学一年级新生 · 县城区常住户籍学生」的截止日期 2025-08-01 晚于报名结束时间',
      '「插班生转学」的报名时间与已发布的「2024年秋季 · 小学一年级新生」重叠',
      '「桃花江镇第一完全小学」没有招生名额',
      '「桃花江镇第二完全小学」没有招生范围（社区）',
      '「桃花社区」没有小学学校招生',
    ]);
  });
});
