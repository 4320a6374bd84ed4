/** `13812345678` → `138****5678` */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***';
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
