/** `13812345678` → `138****5678` */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***';
}

/** `李小明` → `李*明`; two characters → `李*`: lists never show a child's full name. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/**
 * `430922201801011234` → `430922********1234`: region and last four stay, so a parent can tell children apart
 * and a reviewer can match papers; birth date and sequence are hidden. Shorter numbers keep two characters each end.
 */
export function maskIdNumber(id: string): string {
  if (id.length === 18) return `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(14)}`;
  if (id.length <= 4) return '*'.repeat(id.length);
  return `${id.slice(0, 2)}${'*'.repeat(id.length - 4)}${id.slice(-2)}`;
}

/** A digit as typed on a phone or a Chinese keyboard: ASCII or full-width. */
const digit = '[0-9\\uFF10-\\uFF19]';
/** Between the characters of a number people put spaces (also the ideographic one), hyphens or dots. */
const gap = '[\\s\\u3000\\-\\uFF0D.\\u00B7]{0,2}';
/**
 * A run of at least 15 digits, optionally with gaps and an `X` check character at its end; it must not continue
 * a longer run of digits on either side (the run is taken whole, so no part of a long number stays readable).
 */
const idShapedRun = new RegExp(`(?<!${digit})${digit}(?:${gap}${digit}){14,}(?:${gap}[XxＸｘ])?(?!${digit})`, 'gu');

const halfWidth = (text: string) =>
  text.replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30)).replace(/[xＸｘ]/g, 'X');

/**
 * Free text that staff write (a rejection reason, a school's decision, a search, a name) with every ID-number-shaped
 * part masked before it is stored anywhere: 18-character resident numbers (a final `X` included), 15-digit old
 * numbers and any longer digit run, also when typed in full-width digits or with spaces and hyphens between groups.
 * A masked number keeps the look of `maskIdNumber` (`430922********1234`), so a reader still sees what was meant.
 *
 * @example maskIdNumbersInText('证件 4309 2220 1801 011234 与户籍不符') // '证件 430922********1234 与户籍不符'
 */
export function maskIdNumbersInText(text: string): string {
  return text.replace(idShapedRun, (run) => maskIdNumber(halfWidth(run).replace(/[^0-9X]/g, '')));
}
