import { provinceCodes } from './regions-gb2260';

/** 证件类型 */
export const idTypes = {
  resident: '居民身份证',
  hk_mo_tw: '港澳台居民居住证',
  foreign_permanent: '外国人永久居留身份证',
  passport: '护照/其他',
} as const;
export type IdType = keyof typeof idTypes;

export type IdCheck =
  | { ok: true; normalized: string; birthDate: string | null; sex: 'male' | 'female' | null }
  | { ok: false; message: string };

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return checkChars[sum % 11]!;
}

/** Full-width digits and letters become ASCII, letters upper case, surrounding blanks go: what phone keyboards type. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

function realDate(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4)),
    m = Number(yyyymmdd.slice(4, 6)),
    d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** An 18-character number of the GB 11643 form (resident ID, residence permits, the 2023 foreign permanent card). */
function checkGb11643(id: string, today: string, prefix: (id: string) => string | null): IdCheck {
  if (/\s/.test(id)) return { ok: false, message: '证件号码不能包含空格' };
  if (id.length !== 18) return { ok: false, message: `证件号码应为18位，您输入了${id.length}位` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: '证件号码前17位应为数字，最后一位为数字或X' };
  const prefixError = prefix(id);
  if (prefixError) return { ok: false, message: prefixError };
  const birthDate = realDate(id.slice(6, 14));
  if (!birthDate) return { ok: false, message: '证件号码中的出生日期不存在，请核对' };
  if (birthDate > today || birthDate < '1900-01-01') return { ok: false, message: '证件号码中的出生日期不正确，请核对' };
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, message: '证件号码校验位不正确，请逐位核对' };
  return { ok: true, normalized: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/**
 * Validates an ID number of the given type; `today` is the China date (`YYYY-MM-DD`) birth dates may not pass.
 * Resident IDs: known province, real birth date, check digit (X included). Passports and others: 5–20 letters/digits.
 */
export function checkIdNumber(type: IdType, raw: string, today: string): IdCheck {
  const id = normalizeIdNumber(raw);
  if (id === '') return { ok: false, message: '请填写证件号码' };
  switch (type) {
    case 'resident':
      return checkGb11643(id, today, (n) => {
        const province = n.slice(0, 2);
        if (!(province in provinceCodes) || ['71', '81', '82', '83'].includes(province)) return '证件号码的地区代码不存在，请核对';
        return null;
      });
    case 'hk_mo_tw':
      return checkGb11643(id, today, (n) => (/^8[123]0000/.test(n) ? null : '港澳台居民居住证号码应以810000、820000或830000开头'));
    case 'foreign_permanent':
      if (/^[A-Z]{3}\d{12}$/.test(id)) return { ok: true, normalized: id, birthDate: null, sex: null };
      return checkGb11643(id, today, (n) => (n.startsWith('9') ? null : '外国人永久居留身份证号码应以9开头（旧版为3个字母加12位数字）'));
    case 'passport':
      if (/\s/.test(id)) return { ok: false, message: '证件号码不能包含空格' };
      if (!/^[A-Z0-9]{5,20}$/.test(id)) return { ok: false, message: '证件号码应为5至20位字母或数字' };
      return { ok: true, normalized: id, birthDate: null, sex: null };
  }
}

/**
 * A child's name as on the hukou booklet: 2–20 characters, Chinese characters with the middle dot (·) of minority
 * and transliterated names; Latin letters only for foreign documents. No spaces, digits or other marks.
 */
export function checkChildName(raw: string, type: IdType): { ok: true; name: string } | { ok: false; message: string } {
  const name = raw.trim().replace(/[•・．]/g, '·');
  const length = [...name].length;
  if (length < 2 || length > 20) return { ok: false, message: '姓名应为2至20个字' };
  if (/\s/.test(name)) return { ok: false, message: '姓名不能包含空格' };
  if (/\d/.test(name)) return { ok: false, message: '姓名不能包含数字' };
  if (/^\p{Script=Han}+(·\p{Script=Han}+)*$/u.test(name)) return { ok: true, name };
  const foreign = type === 'foreign_permanent' || type === 'passport' || type === 'hk_mo_tw';
  if (foreign && /^[A-Za-z]+(·[A-Za-z]+)*$/.test(name)) return { ok: true, name: name.toUpperCase() };
  return { ok: false, message: foreign ? '姓名只能包含汉字、英文字母或间隔号（·）' : '姓名只能包含汉字或间隔号（·），请与户口簿保持一致' };
}

/** The sex a resident ID number records (GB 11643: the 17th digit, odd for men, even for women); null if not one. */
export function sexOfIdNumber(raw: string): 'male' | 'female' | null {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}
