import { describe, expect, it } from 'vitest';
import { fateOf, type HeldApplication, planAccountDeletion, type SeasonFacts, seasonLive } from '../../src/domain/account-deletion';
import type { ApplicationStatus } from '../../src/domain/application-status';

const now = new Date('2025-03-01T00:00:00Z');
const live = { retainUntil: null, superseded: false };
const superseded = { retainUntil: null, superseded: true };
const pastRetention = { retainUntil: new Date('2025-02-01T00:00:00Z'), superseded: false };
const futureRetention = { retainUntil: new Date('2027-09-01T00:00:00Z'), superseded: false };

const held = (status: ApplicationStatus, season: SeasonFacts = live, number = 'TH24-1-AAAAAA'): HeldApplication => ({
  id: number,
  number,
  status,
  seasonName: '2024年秋季招生',
  season,
});

describe('seasonLive', () => {
  it('is live until the region publishes a newer season or the retention date passes', () => {
    expect(seasonLive(live, now)).toBe(true);
    expect(seasonLive(futureRetention, now)).toBe(true);
    expect(seasonLive(superseded, now)).toBe(false);
    expect(seasonLive(pastRetention, now)).toBe(false);
    expect(seasonLive({ retainUntil: now, superseded: false }, now)).toBe(false);
  });
});

describe('fateOf', () => {
  it('in a live season: blocks while with the bureau, goes with the account when taken back or never given', () => {
    for (const s of ['submitted', 'preliminarily_approved', 'school_approved', 'admitted', 'not_admitted'] as const) {
      expect(fateOf(held(s), now)).toBe('blocks');
    }
    for (const s of ['draft', 'withdrawn', 'rejected'] as const) expect(fateOf(held(s), now)).toBe('deleted');
  });

  it('in a season that is over: a draft goes, anything submitted once is kept', () => {
    expect(fateOf(held('draft', superseded), now)).toBe('deleted');
    for (const s of ['submitted', 'withdrawn', 'rejected', 'admitted', 'not_admitted'] as const) {
      expect(fateOf(held(s, superseded), now)).toBe('kept');
      expect(fateOf(held(s, pastRetention), now)).toBe('kept');
    }
  });
});

describe('planAccountDeletion', () => {
  it('refuses naming the application, its season and status', () => {
    const plan = planAccountDeletion([held('draft'), held('preliminarily_approved', live, 'TH24-1-7K3M9Q')], now);
    expect(plan).toEqual({
      ok: false,
      code: 'ACCOUNT_HAS_LIVE_APPLICATION',
      message: '报名 TH24-1-7K3M9Q（2024年秋季招生，初审通过）所在的招生季尚未结束，暂不能注销账号；招生季结束后可注销',
    });
  });

  it('splits what goes from what is kept', () => {
    const plan = planAccountDeletion(
      [held('draft', live, 'A'), held('withdrawn', live, 'B'), held('admitted', superseded, 'C'), held('draft', superseded, 'D')],
      now,
    );
    expect(plan.ok && plan.deleted.map((a) => a.number)).toEqual(['A', 'B', 'D']);
    expect(plan.ok && plan.kept.map((a) => a.number)).toEqual(['C']);
    expect(planAccountDeletion([], now)).toEqual({ ok: true, deleted: [], kept: [] });
  });
});
