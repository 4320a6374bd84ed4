import { describe, expect, it } from 'vitest';
import { decideTierTable, lotteryPhase } from '../../src/domain/placement/rules-change';
import { taojiangTiers } from '../../src/domain/placement/taojiang-tiers';

const channels = ['hukou', 'public-servant', 'military', 'property', 'business', 'migrant-worker', 'other', 'park-enterprise'];

describe('a tier table an administrator sets', () => {
  it('takes the county’s table as it is, labels trimmed', () => {
    expect(decideTierTable(taojiangTiers, channels)).toEqual({ ok: true, tiers: taojiangTiers });
    expect(decideTierTable([{ label: ' 其他 ', rule: {} }], channels)).toEqual({ ok: true, tiers: [{ label: '其他', rule: {} }] });
  });

  it('refuses no tiers, too many, a repeated label, an unknown or empty channel list', () => {
    const other = { label: '其他', rule: {} };
    expect(decideTierTable([], channels)).toMatchObject({ ok: false, message: '请至少设置一个录取顺位' });
    expect(
      decideTierTable(
        Array.from({ length: 13 }, (_, i) => ({ label: `第${i}`, rule: {} })),
        channels,
      ),
    ).toMatchObject({
      message: '录取顺位不能超过12个',
    });
    expect(decideTierTable([other, other], channels)).toMatchObject({ message: '顺位「其他」重复' });
    expect(decideTierTable([{ label: '甲', rule: { channels: ['hukou', 'ufo'] } }], channels)).toMatchObject({
      message: '第1顺位的报名通道「ufo」不是本招生季的通道',
    });
    expect(decideTierTable([{ label: '甲', rule: { channels: [] } }], channels)).toMatchObject({ message: '第1顺位没有选择报名通道' });
  });
});

describe('when observers commit and reveal', () => {
  const closes = (iso: string) => ({ closesAt: new Date(iso) });
  const windows = [closes('2024-07-26T00:00:00+08:00'), closes('2024-07-28T00:00:00+08:00')];
  it('commit while no window has closed, reveal once all have, neither in between', () => {
    expect(lotteryPhase(windows, new Date('2024-07-25T23:59:59+08:00'))).toBe('committing');
    expect(lotteryPhase(windows, new Date('2024-07-26T00:00:00+08:00'))).toBe('registering_closed');
    expect(lotteryPhase(windows, new Date('2024-07-28T00:00:00+08:00'))).toBe('revealing');
    expect(lotteryPhase([], new Date('2024-07-28T00:00:00+08:00'))).toBe('committing');
  });
});
