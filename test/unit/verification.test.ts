import { describe, expect, it } from 'vitest';
import { taojiang2024 } from '../../db/seed/taojiang-2024';
import { channelOutcomes, type FamilyFacts, identityOutcome, overall, precheckReason } from '../../src/domain/verification';

const channel = (code: string) => taojiang2024.entries[0]!.tracks[0]!.channels.find((c) => c.code === code)!.eligibility;
const town = new Set(taojiang2024.communities);
const base: FamilyFacts = { identities: {}, childHukou: { community: '资江社区', registeredOn: '2020-01-01', parentInHousehold: true } };
const result = (code: string, facts: Partial<FamilyFacts>, claims = {}) => {
  const outcomes = channelOutcomes(channel(code), { ...base, ...facts }, town, claims);
  return outcomes.find((o) => o.claim !== 'relation')!;
};

describe('system checks at their date boundaries', () => {
  it('passes a town hukou registered on 2024-02-29 and fails one of 2024-03-01 or outside the town', () => {
    expect(result('hukou', { childHukou: { community: '迎宾社区', registeredOn: '2024-02-29', parentInHousehold: true } })).toMatchObject({
      result: 'pass',
      summary: '户籍登记于 2024-02-29，早于 2024-03-01 ✓；户籍地 迎宾社区 ✓',
    });
    expect(result('hukou', { childHukou: { community: '迎宾社区', registeredOn: '2024-03-01', parentInHousehold: true } }).result).toBe(
      'fail',
    );
    expect(result('hukou', { childHukou: { community: '东坪镇新民村', registeredOn: '2020-03-01', parentInHousehold: true } }).result).toBe(
      'fail',
    );
    expect(result('hukou', { childHukou: null }).result).toBe('fail');
  });

  it('passes pension insurance since 2023-08-31 with 12 months and fails 11 months or a start on 2023-09-01', () => {
    expect(result('migrant-worker', { pensions: [{ firstPaidOn: '2023-08-31', months: 12 }] }).result).toBe('pass');
    expect(result('migrant-worker', { pensions: [{ firstPaidOn: '2023-08-31', months: 11 }] }).result).toBe('fail');
    expect(result('migrant-worker', { pensions: [{ firstPaidOn: '2023-09-01', months: 12 }] }).result).toBe('fail');
    expect(result('migrant-worker', { pensions: [] }).result).toBe('fail');
  });

  it('passes a town licence of 2023-08-31, fails 2023-09-01, and sends a park certificate to manual review', () => {
    expect(result('business', { licences: [{ issuedOn: '2023-08-31', community: '资江社区' }] }).result).toBe('pass');
    expect(result('business', { licences: [{ issuedOn: '2023-09-01', community: '资江社区' }] }).result).toBe('fail');
    expect(result('business', { licences: [{ issuedOn: '2020-01-01', community: '东坪镇' }] }).result).toBe('fail');
    expect(result('business', {}, { businessProof: 'park' }).result).toBe('manual');
  });

  it('passes town property, fails property elsewhere, and leaves contracts and rentals to reviewers', () => {
    expect(result('property', { properties: [{ community: '花果山社区', registeredOn: '2021-06-18' }] }).result).toBe('pass');
    expect(result('property', { properties: [{ community: '长沙', registeredOn: '2021-06-18' }] }).result).toBe('fail');
    expect(result('property', {}, { propertyProof: 'public_rental' }).result).toBe('manual');
  });

  it('sends military, park-enterprise and 其他情况 channels to manual review', () => {
    for (const code of ['military', 'park-enterprise']) {
      const track = taojiang2024.entries[2]!.tracks[0]!;
      const eligibility = track.channels.find((c) => c.code === code)?.eligibility ?? channel('military');
      expect(channelOutcomes(eligibility, base, town, {}).find((o) => o.claim === 'paper_proof')?.result).toBe('manual');
    }
  });

  it('checks the parent–child relation against what the parent answered', () => {
    const lacking = { childHukou: { community: '竹金村', registeredOn: '2019-01-01', parentInHousehold: false } };
    const relation = (answer: boolean) =>
      channelOutcomes(channel('hukou'), { ...base, ...lacking }, town, { hukouShowsRelation: answer }).find((o) => o.claim === 'relation')!;
    expect(relation(false).result).toBe('manual');
    expect(relation(true).result).toBe('fail');
  });

  it('names the worst result for the queue, and a pre-check verdict per channel', () => {
    expect(overall(['pass', 'manual', 'pass'])).toBe('manual');
    expect(overall(['pass', 'fail', 'pending'])).toBe('fail');
    expect(overall([])).toBeNull();
    expect(identityOutcome('child', 'name_mismatch').result).toBe('fail');
    expect(precheckReason([result('hukou', {})])).toMatchObject({ qualifies: true });
    expect(precheckReason([result('business', {}, { businessProof: 'park' })])).toMatchObject({ qualifies: null });
  });
});
