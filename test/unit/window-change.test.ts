import { describe, expect, it } from 'vitest';
import { decideWindowChange, extensionNotice } from '../../src/domain/window-change';

const at = (iso: string) => new Date(iso);
const window = {
  opensAt: at('2024-07-15T00:00:00+08:00'),
  closesAt: at('2024-07-26T00:00:00+08:00'),
  correctionDays: 3,
  reviewEndsAt: null,
  schoolReviewEndsAt: null,
};
const during = at('2024-07-20T10:00:00+08:00');
const before = at('2024-07-10T10:00:00+08:00');
const after = at('2024-07-27T10:00:00+08:00');

describe('moving a registration window', () => {
  it('extends an open window, and says so, so families with an unfinished application are told', () => {
    const change = decideWindowChange({ current: window, proposed: { ...window, closesAt: at('2024-07-28T00:00:00+08:00') }, now: during });
    expect(change).toMatchObject({
      ok: true,
      extended: true,
      after: '2024-07-15 00:00 至 2024-07-27 24:00（北京时间）；驳回后3天内可修改',
    });
  });

  it('shortens an open window, but never into the past, and keeps its opening', () => {
    expect(
      decideWindowChange({ current: window, proposed: { ...window, closesAt: at('2024-07-24T00:00:00+08:00') }, now: during }),
    ).toMatchObject({
      ok: true,
      extended: false,
    });
    expect(
      decideWindowChange({ current: window, proposed: { ...window, closesAt: at('2024-07-20T09:00:00+08:00') }, now: during }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { closesAt: ['截止时间不能早于当前时间'] },
    });
    expect(
      decideWindowChange({ current: window, proposed: { ...window, opensAt: at('2024-07-16T00:00:00+08:00') }, now: during }),
    ).toMatchObject({
      ok: false,
      fields: { opensAt: ['报名已开始，不能修改开始时间'] },
    });
  });

  it('moves both ends of a window that has not opened, not into the past', () => {
    const later = { ...window, opensAt: at('2024-07-16T00:00:00+08:00'), closesAt: at('2024-07-27T00:00:00+08:00') };
    expect(decideWindowChange({ current: window, proposed: later, now: before })).toMatchObject({ ok: true, extended: false });
    expect(
      decideWindowChange({ current: window, proposed: { ...later, opensAt: at('2024-07-09T00:00:00+08:00') }, now: before }),
    ).toMatchObject({
      ok: false,
      fields: { opensAt: ['开始时间不能早于当前时间'] },
    });
  });

  it('refuses a closed window, a close before the opening, and no change at all', () => {
    expect(
      decideWindowChange({ current: window, proposed: { ...window, closesAt: at('2024-07-30T00:00:00+08:00') }, now: after }),
    ).toMatchObject({
      ok: false,
      code: 'WINDOW_CLOSED',
    });
    expect(
      decideWindowChange({ current: window, proposed: { ...window, opensAt: window.closesAt, closesAt: window.opensAt }, now: before }),
    ).toMatchObject({
      ok: false,
      fields: { closesAt: ['截止时间须晚于开始时间'] },
    });
    expect(decideWindowChange({ current: window, proposed: window, now: during })).toMatchObject({
      ok: false,
      message: '报名时间没有变化',
    });
  });

  it('tells the family the new window in China time', () => {
    expect(extensionNotice('小学一年级新生', { ...window, closesAt: at('2024-07-28T00:00:00+08:00') }).body).toBe(
      '【桃江县入学报名】「小学一年级新生」报名时间已延长为 2024-07-15 00:00 至 2024-07-27 24:00（北京时间）。您有尚未提交的报名，请在截止前完成提交。',
    );
  });

  it('sets the review ends after the close, the schools’ after the county’s, and the correction days even once closed', () => {
    const review = { ...window, reviewEndsAt: at('2024-08-05T00:00:00+08:00'), schoolReviewEndsAt: at('2024-08-15T00:00:00+08:00') };
    expect(decideWindowChange({ current: window, proposed: review, now: during })).toMatchObject({
      ok: true,
      extended: false,
      after:
        '2024-07-15 00:00 至 2024-07-25 24:00（北京时间）；驳回后3天内可修改；网上初审至 2024-08-05 00:00；学校审核至 2024-08-15 00:00',
    });
    expect(
      decideWindowChange({ current: window, proposed: { ...review, reviewEndsAt: at('2024-07-25T00:00:00+08:00') }, now: during }),
    ).toMatchObject({
      fields: { reviewEndsAt: ['网上初审结束时间须晚于报名截止时间'] },
    });
    expect(
      decideWindowChange({ current: window, proposed: { ...review, schoolReviewEndsAt: at('2024-08-01T00:00:00+08:00') }, now: during }),
    ).toMatchObject({
      fields: { schoolReviewEndsAt: ['学校审核结束时间须晚于网上初审结束时间'] },
    });
    expect(decideWindowChange({ current: window, proposed: { ...window, correctionDays: 5 }, now: after })).toMatchObject({ ok: true });
    expect(
      decideWindowChange({ current: window, proposed: { ...review, reviewEndsAt: at('2024-07-27T00:00:00+08:00') }, now: after }),
    ).toMatchObject({
      fields: { reviewEndsAt: ['网上初审结束时间不能早于当前时间'] },
    });
  });
});
