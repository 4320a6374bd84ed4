/** China time (Asia/Shanghai) is UTC+8 all year: no daylight saving, so a fixed offset is exact. */

const offsetMs = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

export interface ChinaParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function chinaParts(instant: Date): ChinaParts {
  const d = new Date(instant.getTime() + offsetMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** `2024-07-15 09:30` in China time. */
export function formatChinaDateTime(instant: Date): string {
  const p = chinaParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `2024-07-15` in China time. */
export function formatChinaDate(instant: Date): string {
  const p = chinaParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/**
 * The end of a window as people say it: an exclusive end at midnight reads as 24:00 of the day before
 * (`2024-07-26T00:00+08:00` → `2024-07-25 24:00`), as the guide writes "7月25日24时".
 */
export function formatChinaEnd(exclusiveEnd: Date): string {
  const p = chinaParts(exclusiveEnd);
  if (p.hour === 0 && p.minute === 0 && p.second === 0) {
    return `${formatChinaDate(new Date(exclusiveEnd.getTime() - 1))} 24:00`;
  }
  return formatChinaDateTime(exclusiveEnd);
}

/** The instant of a China-time calendar date and time, e.g. `chinaInstant('2024-03-01')` = 2024-02-29T16:00Z. */
export function chinaInstant(date: string, time = '00:00:00'): Date {
  return new Date(`${date}T${time}+08:00`);
}
