import { describe, expect, it } from 'vitest';
import { placementApplicantOf } from '../../src/domain/placement/applicant-tiers';
import { taojiangTiers, tierDescriptionLines } from '../../src/domain/placement/taojiang-tiers';
import { type TierFacts, tierOf } from '../../src/domain/placement/tiers';

const facts = (channel: string, inCatchment = false, sibling = false): TierFacts => ({ channel, inCatchment, sibling });

describe('an application’s tier at a school under the 桃花江镇 table', () => {
  it('puts 军人、烈士、英模子女 first wherever they live', () => {
    expect(tierOf(taojiangTiers, facts('military'))).toBe(1);
    expect(tierOf(taojiangTiers, facts('military', true, true))).toBe(1);
  });

  it('puts 户籍 in the catchment second and 房产 in the catchment third', () => {
    expect(tierOf(taojiangTiers, facts('hukou', true))).toBe(2);
    expect(tierOf(taojiangTiers, facts('property', true))).toBe(3);
  });

  it('puts 公职、经商、务工 and park enterprises in the catchment fourth', () => {
    for (const channel of ['public-servant', 'business', 'migrant-worker', 'park-enterprise']) {
      expect(tierOf(taojiangTiers, facts(channel, true)), channel).toBe(4);
    }
  });

  it('puts a sibling at the school fifth when nothing better applies, and the sibling counts only at that school', () => {
    expect(tierOf(taojiangTiers, facts('hukou', false, true))).toBe(5);
    expect(tierOf(taojiangTiers, facts('other', true, true))).toBe(5);
    expect(tierOf(taojiangTiers, facts('hukou', true, true))).toBe(2);
    expect(tierOf(taojiangTiers, facts('hukou', false, false))).toBe(6);
  });

  it('puts everyone else last: out of the catchment, or a channel without a catchment tier', () => {
    expect(tierOf(taojiangTiers, facts('property', false))).toBe(6);
    expect(tierOf(taojiangTiers, facts('other', true))).toBe(6);
    expect(tierOf(taojiangTiers, facts('migrant-worker', false))).toBe(6);
  });

  it('ranks below every row when a table has no catch-all row', () => {
    expect(tierOf([{ label: '户籍', rule: { channels: ['hukou'] } }], facts('other'))).toBe(2);
  });

  it('reads on the policy page as numbered lines, best first', () => {
    expect(tierDescriptionLines(taojiangTiers)).toEqual([
      '第1顺位：军人、烈士、英模子女',
      '第2顺位：户籍在本校服务片区',
      '第3顺位：房产在本校服务片区',
      '第4顺位：公职人员、经商、务工、园区企业子女，居住在本校服务片区',
      '第5顺位：兄弟姐妹在本校就读',
      '第6顺位：其他适龄儿童',
    ]);
  });
});

describe('an approved application as the placement sees it', () => {
  it('has its tier at each choice, from its channel and what holds at that school', () => {
    expect(
      placementApplicantOf(taojiangTiers, {
        number: 'TH24-1-7K3M9Q',
        channel: 'property',
        choices: [
          { school: 'shiyan-primary', inCatchment: false, sibling: true },
          { school: 'taohuajiang-primary', inCatchment: true, sibling: false },
        ],
      }),
    ).toEqual({
      number: 'TH24-1-7K3M9Q',
      choices: [
        { school: 'shiyan-primary', tier: 5 },
        { school: 'taohuajiang-primary', tier: 3 },
      ],
    });
  });
});
