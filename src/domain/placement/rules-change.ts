import { type Refusal, refuse } from '../application';
import type { TierTable } from './tiers';

export const tierLimits = { tiers: 12, label: 40 } as const;

/**
 * A season's tier table as an administrator sets it: one to twelve tiers, each with its own label; the channels a
 * tier names must be channels of the season (a mistyped code would silently take nobody).
 */
export function decideTierTable(tiers: TierTable, seasonChannels: readonly string[]): Refusal | { ok: true; tiers: TierTable } {
  if (tiers.length === 0) return refuse('INVALID_INPUT', '请至少设置一个录取顺位');
  if (tiers.length > tierLimits.tiers) return refuse('INVALID_INPUT', `录取顺位不能超过${tierLimits.tiers}个`);
  const labels = tiers.map((t) => t.label.trim());
  const repeated = labels.find((label, i) => labels.indexOf(label) !== i);
  if (repeated) return refuse('INVALID_INPUT', `顺位「${repeated}」重复`);
  const known = new Set(seasonChannels);
  for (const [i, tier] of tiers.entries()) {
    const unknown = tier.rule.channels?.find((code) => !known.has(code));
    if (unknown) return refuse('INVALID_INPUT', `第${i + 1}顺位的报名通道「${unknown}」不是本招生季的通道`);
    if (tier.rule.channels?.length === 0) return refuse('INVALID_INPUT', `第${i + 1}顺位没有选择报名通道`);
  }
  return { ok: true, tiers: tiers.map((t, i) => ({ label: labels[i]!, rule: t.rule })) };
}

/** When the lottery's observers may commit and reveal: commit while no window of the season has closed, reveal after all have. */
export type LotteryPhase = 'committing' | 'registering_closed' | 'revealing';

export function lotteryPhase(windows: readonly { closesAt: Date }[], now: Date): LotteryPhase {
  const closed = windows.filter((w) => w.closesAt.getTime() <= now.getTime()).length;
  if (closed === 0) return 'committing';
  return closed === windows.length ? 'revealing' : 'registering_closed';
}

export const commitmentPattern = /^[0-9a-f]{64}$/;
