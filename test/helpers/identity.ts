import { checkCharacter } from '../../src/domain/identity';

/** A valid resident ID number for a birth date (`YYYYMMDD`), region and 3-digit sequence (odd = boy). */
export function residentId(birth = '20180101', sequence = '001', region = '430922'): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + checkCharacter(first17);
}

/** A valid ID number whose check character is X. */
export function residentIdEndingInX(birth = '20180101', region = '430922'): string {
  for (let n = 0; n < 1000; n++) {
    const id = residentId(birth, String(n).padStart(3, '0'), region);
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X check character in range');
}

/** Distinct valid children's ID numbers, e.g. for races and bulk tests. */
export function residentIds(count: number, birth = '20180101'): string[] {
  return Array.from({ length: count }, (_, i) =>
    residentId(birth, String(i % 1000).padStart(3, '0'), `4309${String(20 + Math.floor(i / 1000)).padStart(2, '0')}`),
  );
}
