/**
 * Moving a season's dates by whole years, in China time (UTC+8, no daylight saving): 2024-07-15 00:00 becomes
 * 2025-07-15 00:00 China time, and 29 February, in a year without one, the 28th.
 */
const chinaOffsetMs = 8 * 3_600_000;

function shiftedDay(year: number, month: number, day: number) {
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.min(day, last);
}

export function moveInstantByYears(at: Date, years: number): Date {
  const china = new Date(at.getTime() + chinaOffsetMs);
  const year = china.getUTCFullYear() + years;
  const month = china.getUTCMonth();
  const moved = Date.UTC(
    year,
    month,
    shiftedDay(year, month, china.getUTCDate()),
    china.getUTCHours(),
    china.getUTCMinutes(),
    china.getUTCSeconds(),
    china.getUTCMilliseconds(),
  );
  return new Date(moved - chinaOffsetMs);
}

/** A calendar date `YYYY-MM-DD` moved by whole years. */
export function moveDayByYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const moved = shiftedDay(year, m - 1, d);
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(moved).padStart(2, '0')}`;
}
