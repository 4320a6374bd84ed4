import { chinaParts } from '../../../src/domain/china-time';
/**
 * A deadline as the guide says it in a sentence, in China time: an exclusive end at midnight is 24时 of the day before
 * (`2024-07-26T00:00+08:00` → `7月25日24时`); any other end keeps its time (`8月31日17时`, `8月31日17时30分`).
 */
export function deadlineText(exclusiveEnd: string): string {
  const end = new Date(exclusiveEnd);
  const p = chinaParts(end);
  if (p.hour === 0 && p.minute === 0 && p.second === 0) {
    const day = chinaParts(new Date(end.getTime() - 1));
    return `${day.month}月${day.day}日24时`;
  }
  return `${p.month}月${p.day}日${p.hour}时${p.minute ? `${p.minute}分` : ''}`;
}
