import { formatChinaDateTime, formatChinaEnd } from '../../../src/domain/china-time';

/** The window every entry shares, or undefined when they differ (then each entry card shows its own). */
export function sharedWindow<W extends { opensAt: string; closesAt: string; state: string }>(entries: readonly { window: W }[]) {
  const first = entries[0]?.window;
  return first &&
    entries.every((e) => e.window.opensAt === first.opensAt && e.window.closesAt === first.closesAt && e.window.state === first.state)
    ? first
    : undefined;
}

/**
 * A registration window in China time, formatted from the instants the API gives (never from its wording):
 * `2024-07-15 00:00 至` and `2024-07-25 24:00（北京时间）`, the two halves a narrow phone may wrap between.
 */
export function windowParts(window: { opensAt: string; closesAt: string }): [string, string] {
  return [`${formatChinaDateTime(new Date(window.opensAt))} 至`, `${formatChinaEnd(new Date(window.closesAt))}（北京时间）`];
}
