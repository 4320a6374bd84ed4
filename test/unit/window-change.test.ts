import { describe, expect, it } from 'vitest';
import { decideWindowChange, extensionNotice } from '../../src/domain/window-change';

const at = (iso: string) => new Date(iso);
const window = { opensAt: at('2024-07-15T00:00:00+08:00'), closesAt: at('2024-07-26T00:00:00+08:00') };
const during = at('2024-07-20T10:00:00+08:00');
const before = at('2024-07-10T10:00:00+08:00');
const after = at('2024-07-27T10:00:00+08:00');

describe('moving a registration window', () => {
  it('extends an open window, and says so, so families with an unfinished application are told', () => {
    const change = decideWindowChange({ current: window, proposed: { ...window, closesAt: at('2024-07-28T00:00:00+08:00') }, now: during });
    expect(change).toMatchObject({ ok: true, extended: true, after: '2024-07-15 00:00 至 2024-07-27 24:00（北京时间）' });
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
    const later = { opensAt: at('2024-07-16T00:00:00+08:00'), closesAt: at('2024-07-27T00:00:00+08:00') };
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
      decideWindowChange({ current: window, proposed: { opensAt: window.closesAt, closesAt: window.opensAt }, now: before }),
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
});
