import { describe, expect, it } from 'vitest';
import { taojiang2024 } from '../../db/seed/taojiang-2024';
import { correctionDeadline, submitAllowed, withdrawalsLeft } from '../../src/domain/application-rules';
import { missingFields } from '../../src/domain/application-form';
import { type Actor, type ApplicationAction, applicationStatuses, checkMove, moves } from '../../src/domain/application-status';
import { checkChannelClaims, missingDocuments, oldEnoughForGrade1 } from '../../src/domain/eligibility';

const actors: Actor[] = ['parent', 'county_reviewer', 'school_reviewer', 'admin', 'system'];
const window = { opensAt: new Date('2024-07-15T00:00:00+08:00'), closesAt: new Date('2024-07-26T00:00:00+08:00') };
const channel = (code: string) => taojiang2024.entries[0]!.tracks[0]!.channels.find((c) => c.code === code)!;

describe('the application state machine', () => {
  const allowed: [ApplicationAction, string, Actor][] = [
    ['submit', 'draft', 'parent'],
    ['submit', 'withdrawn', 'parent'],
    ['submit', 'rejected', 'parent'],
    ['withdraw', 'submitted', 'parent'],
    ['approve', 'submitted', 'county_reviewer'],
    ['reject', 'submitted', 'county_reviewer'],
    ['approve', 'submitted', 'admin'],
    ['reject', 'submitted', 'admin'],
    ['school_approve', 'preliminarily_approved', 'school_reviewer'],
    ['school_reject', 'preliminarily_approved', 'school_reviewer'],
    ['school_approve', 'preliminarily_approved', 'admin'],
    ['school_reject', 'preliminarily_approved', 'admin'],
    ['admit', 'school_approved', 'admin'],
    ['admit', 'school_approved', 'system'],
    ['not_admit', 'school_approved', 'admin'],
    ['not_admit', 'preliminarily_approved', 'admin'],
    ['not_admit', 'school_approved', 'system'],
    ['not_admit', 'preliminarily_approved', 'system'],
  ];

  it('allows exactly the listed moves, for exactly the listed actors, from exactly the listed states', () => {
    const seen: string[] = [];
    for (const action of Object.keys(moves) as ApplicationAction[]) {
      for (const from of applicationStatuses) {
        for (const actor of actors) {
          if (checkMove(from, action, actor).ok) seen.push(`${action} ${from} ${actor}`);
        }
      }
    }
    expect(seen.sort()).toEqual(allowed.map((m) => m.join(' ')).sort());
  });

  it('says why a move is refused: the actor may never, or not from this state', () => {
    expect(checkMove('submitted', 'approve', 'parent')).toEqual({ ok: false, reason: 'not_allowed_for_actor' });
    expect(checkMove('preliminarily_approved', 'withdraw', 'parent')).toEqual({ ok: false, reason: 'not_from_this_status' });
    expect(checkMove('submitted', 'withdraw', 'parent')).toEqual({ ok: true, to: 'withdrawn' });
    expect(checkMove('preliminarily_approved', 'school_reject', 'school_reviewer')).toEqual({ ok: true, to: 'rejected' });
  });

  it('counts withdrawals left from two', () => {
    expect([0, 1, 2, 3].map(withdrawalsLeft)).toEqual([2, 1, 0, 0]);
  });
});

describe('when a parent may submit', () => {
  it('opens and closes with the window to the second for drafts and withdrawn applications', () => {
    for (const status of ['draft', 'withdrawn'] as const) {
      expect(submitAllowed(status, window, new Date('2024-07-14T23:59:59+08:00'), null)).toEqual({ ok: false, reason: 'window' });
      expect(submitAllowed(status, window, new Date('2024-07-15T00:00:00+08:00'), null)).toEqual({ ok: true });
      expect(submitAllowed(status, window, new Date('2024-07-25T23:59:59+08:00'), null)).toEqual({ ok: true });
      expect(submitAllowed(status, window, new Date('2024-07-26T00:00:00+08:00'), null)).toEqual({ ok: false, reason: 'window' });
    }
  });

  it('gives a rejected family until the later of the window close and three days after the rejection', () => {
    const early = new Date('2024-07-16T10:00:00+08:00');
    expect(correctionDeadline(window, early)).toEqual(window.closesAt);
    const late = new Date('2024-07-25T20:00:00+08:00');
    expect(correctionDeadline(window, late)).toEqual(new Date('2024-07-28T20:00:00+08:00'));
    expect(submitAllowed('rejected', window, new Date('2024-07-28T19:59:59+08:00'), late)).toEqual({ ok: true });
    expect(submitAllowed('rejected', window, new Date('2024-07-28T20:00:00+08:00'), late)).toEqual({ ok: false, reason: 'deadline' });
  });

  it('never lets a submitted or decided application be submitted again', () => {
    for (const status of ['submitted', 'preliminarily_approved', 'school_approved', 'admitted', 'not_admitted'] as const) {
      expect(submitAllowed(status, window, new Date('2024-07-20T10:00:00+08:00'), null)).toEqual({ ok: false, reason: 'status' });
    }
  });
});

describe('the grade-1 age rule', () => {
  it('takes a child born on 31 August six years before the season and refuses one born on 1 September', () => {
    expect(oldEnoughForGrade1('2018-08-31', 2024)).toBe(true);
    expect(oldEnoughForGrade1('2018-09-01', 2024)).toBe(false);
    expect(oldEnoughForGrade1('2017-12-31', 2024)).toBe(true);
  });
});

describe("the channels' cut-off dates", () => {
  it('wants a hukou obtained before 1 March 2024', () => {
    const hukou = channel('hukou').eligibility;
    expect(checkChannelClaims(hukou, { hukouRegisteredOn: '2024-02-29' })).toEqual({});
    expect(checkChannelClaims(hukou, { hukouRegisteredOn: '2024-03-01' })).toEqual({
      hukouRegisteredOn: '户口取得时间须早于2024年3月1日，不符合本通道条件',
    });
  });

  it('wants a licence, or a pension insurance of at least 12 months, since before 1 September 2023', () => {
    const business = channel('business').eligibility;
    expect(checkChannelClaims(business, { licenceIssuedOn: '2023-08-31' })).toEqual({});
    expect(checkChannelClaims(business, { licenceIssuedOn: '2023-09-01' })).toHaveProperty('licenceIssuedOn');
    expect(checkChannelClaims(business, { businessProof: 'park', licenceIssuedOn: '2024-01-01' })).toEqual({});
    const pension = channel('migrant-worker').eligibility;
    expect(checkChannelClaims(pension, { pensionSince: '2023-08-31', pensionMonths: 12 })).toEqual({});
    expect(checkChannelClaims(pension, { pensionSince: '2023-08-31', pensionMonths: 11 })).toEqual({
      pensionMonths: '须连续缴纳养老保险满12个月',
    });
    expect(checkChannelClaims(pension, { pensionSince: '2023-09-01', pensionMonths: 12 })).toHaveProperty('pensionSince');
  });
});

describe("each channel's documents", () => {
  const common = ['student-hukou', 'father-hukou', 'mother-hukou', 'father-id-card', 'mother-id-card'];

  it('asks the hukou channel for the hukou pages and ID cards, and the birth certificate only when the hukou lacks the relation', () => {
    const docs = channel('hukou').documents;
    expect(missingDocuments(docs, new Set(), { hukouShowsRelation: true }).map((d) => d.kind)).toEqual(common);
    expect(missingDocuments(docs, new Set(common), { hukouShowsRelation: true })).toEqual([]);
    expect(missingDocuments(docs, new Set(common), { hukouShowsRelation: false }).map((d) => d.kind)).toEqual(['birth-certificate']);
  });

  it('takes any one of the four property proofs', () => {
    const docs = channel('property').documents;
    const missing = missingDocuments(docs, new Set(common), { hukouShowsRelation: true });
    expect(missing).toEqual([{ kind: 'property-proof', name: expect.stringContaining('（任选其一）') }]);
    for (const proof of docs.filter((d) => d.alternativeGroup === 'property-proof')) {
      expect(missingDocuments(docs, new Set([...common, proof.kind]), { hukouShowsRelation: true })).toEqual([]);
    }
  });

  it('asks each channel for its own fields, the proof chosen deciding which', () => {
    expect(missingFields({ entry: 'grade1', channel: 'business' }, { businessProof: 'park' })).toContain('parkEnterpriseName');
    expect(missingFields({ entry: 'grade1', channel: 'business' }, { businessProof: 'licence' })).toEqual(
      expect.arrayContaining(['licenceNumber', 'licenceIssuedOn']),
    );
    expect(missingFields({ entry: 'grade1', channel: 'property' }, { propertyProof: 'public_rental' })).not.toContain(
      'propertyCertificateNumber',
    );
    expect(missingFields({ entry: 'grade1', channel: 'hukou' }, {})).toEqual(
      expect.arrayContaining(['community', 'fatherIdNumber', 'hukouRegisteredOn']),
    );
  });
});
