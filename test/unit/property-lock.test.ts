import { describe, expect, it } from 'vitest';
import { taojiang2024 } from '../../db/seed/taojiang-2024';
import { checksForParents } from '../../src/domain/checks-for-parents';
import {
  certificateKey,
  claimedKeys,
  lockHolds,
  lockWarning,
  lockedUntil,
  propertyLockRule,
  propertyUsed,
  recordCertificates,
} from '../../src/domain/property-lock';
import { channelOutcomes, type FamilyFacts } from '../../src/domain/verification';

const certificate = '湘(2021)桃江县不动产权第0006180号';
const other = '湘(2019)桃江县不动产权第0001234号';

describe('一房一位: which property an admission used', () => {
  it('reads a certificate number the same however it was typed: full-width forms, spaces, lower case', () => {
    expect(certificateKey('湘（2021）桃江县不动产权第０００６１８０号')).toBe(certificate);
    expect(certificateKey(' 湘(2021) 桃江县\u3000不动产权第0006180号 ')).toBe(certificate);
    expect(certificateKey('ba-2024-ｘｙ 17')).toBe('BA-2024-XY17');
  });

  it('takes the records’ certificate the family named, else the first the records hold', () => {
    expect(propertyUsed({ records: [other, certificate], typed: '湘（2021）桃江县不动产权第0006180号', proof: 'certificate' })).toBe(
      certificate,
    );
    expect(propertyUsed({ records: [other, certificate], typed: '湘(2022)桃江县不动产权第9999999号', proof: 'certificate' })).toBe(other);
    expect(propertyUsed({ records: [certificate], typed: undefined })).toBe(certificate);
  });

  it('counts a typed number only when the records show no town property (购房备案), and nothing for rentals', () => {
    expect(propertyUsed({ records: [], typed: 'ba 2024 0117', proof: 'contract' })).toBe('BA20240117');
    expect(propertyUsed({ records: [], typed: '', proof: 'certificate' })).toBeNull();
    expect(propertyUsed({ records: [certificate], typed: 'x', proof: 'public_rental' })).toBeNull();
    expect(propertyUsed({ records: [certificate], proof: 'original_resident' })).toBeNull();
  });

  it('finds the certificate numbers in a stored check’s values, ignoring anything else', () => {
    expect(recordCertificates({ properties: [{ certificateNumber: certificate, community: '花果山社区' }, { community: 'x' }] })).toEqual([
      certificate,
    ]);
    expect(recordCertificates({ proof: 'contract' })).toEqual([]);
    expect(recordCertificates(null)).toEqual([]);
    expect(claimedKeys([certificate, other], '湘（2021）桃江县不动产权第0006180号')).toEqual([certificate, certificateKey(other)]);
  });
});

describe('一房一位: how long a lock holds', () => {
  it('ends the same China-time day and hour six years on, including across UTC midnight', () => {
    const published = new Date('2024-08-20T09:00:00+08:00');
    expect(lockedUntil(published, 6)?.toISOString()).toBe(new Date('2030-08-20T09:00:00+08:00').toISOString());
    const lateNight = new Date('2024-08-31T23:30:00+08:00');
    expect(lockedUntil(lateNight, 6)?.toISOString()).toBe(new Date('2030-08-31T23:30:00+08:00').toISOString());
  });

  it('ends a lock from 29 February on 28 February, and makes none for 0 years', () => {
    expect(lockedUntil(new Date('2024-02-29T10:00:00+08:00'), 1)?.toISOString()).toBe(new Date('2025-02-28T10:00:00+08:00').toISOString());
    expect(lockedUntil(new Date('2024-02-29T10:00:00+08:00'), 4)?.toISOString()).toBe(new Date('2028-02-29T10:00:00+08:00').toISOString());
    expect(lockedUntil(new Date('2024-08-20T09:00:00+08:00'), 0)).toBeNull();
  });

  it('holds until it ends or is released', () => {
    const lock = { releasedAt: null, lockedUntil: new Date('2030-08-20T01:00:00Z') };
    expect(lockHolds(lock, new Date('2030-08-20T00:59:59Z'))).toBe(true);
    expect(lockHolds(lock, new Date('2030-08-20T01:00:00Z'))).toBe(false);
    expect(lockHolds({ ...lock, releasedAt: new Date('2024-08-22T00:00:00Z') }, new Date('2025-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('一房一位: what reviewers and families read', () => {
  it('warns a reviewer with the earlier admission, the child’s name masked', () => {
    expect(
      lockWarning({
        lockedAt: new Date('2024-08-01T09:00:00+08:00'),
        lockedUntil: new Date('2030-08-01T09:00:00+08:00'),
        school: '桃花江镇第一完全小学',
        child: '张小明',
        number: 'TH24-1-7K3M9Q',
      }),
    ).toBe('该房产已于 2024-08-01 用于 桃花江镇第一完全小学 入学（张*明，报名编号 TH24-1-7K3M9Q），锁定至 2030-08-01');
  });

  it('states the rule with the season’s years, and nothing when there is no lock', () => {
    expect(propertyLockRule(6)).toBe('通过房产入学的，该房产 6 年内不能再用于其他子女入学。');
    expect(propertyLockRule(0)).toBeNull();
  });

  it('tells the family only that the property is already used', () => {
    const [check] = checksForParents([{ claim: 'property', result: 'manual', values: { locked: true, certificateKey: certificate } }]);
    expect(check).toEqual({
      claim: 'property',
      label: '房产及登记时间',
      result: 'manual',
      text: '该房产已用于其他子女入学，将由工作人员人工核对',
      bring: '请携带不动产权证书或购房合同原件备查',
    });
  });
});

describe('一房一位 in the property check', () => {
  const eligibility = taojiang2024.entries[0]!.tracks[0]!.channels.find((c) => c.code === 'property')!.eligibility;
  const town = new Set(taojiang2024.communities);
  const facts: FamilyFacts = {
    identities: {},
    childHukou: null,
    properties: [
      { community: '花果山社区', registeredOn: '2021-06-18', certificateNumber: certificate },
      { community: '长沙', registeredOn: '2015-01-01', certificateNumber: other },
    ],
  };
  const property = (f: FamilyFacts, claims = {}) => channelOutcomes(eligibility, f, town, claims).find((o) => o.claim !== 'relation')!;

  it('names the town certificate it passed on, for the lock at publication', () => {
    expect(property(facts)).toMatchObject({ result: 'pass', values: { certificateKey: certificate } });
  });

  it('sends a property another child’s admission locked to manual review, with a summary naming nobody', () => {
    const locked = property({ ...facts, lockedCertificates: [certificate] }, { propertyCertificateNumber: certificate });
    expect(locked).toMatchObject({
      claim: 'property',
      result: 'manual',
      summary: '该房产在一房一位锁定期内，已用于其他子女入学，需人工核验',
      values: { certificateKey: certificate, locked: true },
    });
  });

  it('does not flag a property outside the town, nor a lock on a certificate the check did not use', () => {
    expect(property({ ...facts, lockedCertificates: [certificateKey(other)] }).result).toBe('pass');
  });

  it('flags a 购房备案 number that a lock holds', () => {
    const contract = property(
      { ...facts, properties: [], lockedCertificates: ['BA20240117'] },
      {
        propertyProof: 'contract',
        propertyCertificateNumber: 'ba 2024 0117',
      },
    );
    expect(contract).toMatchObject({ claim: 'paper_proof', result: 'manual', values: { certificateKey: 'BA20240117', locked: true } });
  });
});
