import { formatChinaDateTime, formatChinaEnd } from '../../../src/domain/china-time';

/**
 * A registration window in China time, formatted from the instants the API gives (never from its wording):
 * `2024-07-15 00:00 至` and `2024-07-25 24:00（北京时间）`, the two halves a narrow phone may wrap between.
 */
export function windowParts(window: { opensAt: string; closesAt: string }): [string, string] {
  return [`${formatChinaDateTime(new Date(window.opensAt))} 至`, `${formatChinaEnd(new Date(window.closesAt))}（北京时间）`];
}
