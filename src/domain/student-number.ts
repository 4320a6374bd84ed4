import { checkIdNumber, normalizeIdNumber } from './identity';
import { maskIdNumber } from './masking';

export type StudentNumberCheck = { ok: true; normalized: string } | { ok: false; message: string };

/**
 * 全国学籍号: for a pupil with a resident ID card it is G followed by that ID number (19 characters); pupils without
 * one have a temporary number, L or J followed by 17–18 letters or digits. A G number must carry the child's own ID
 * number: compared through the masked forms, so the child's sealed number is never opened for it.
 */
export function checkStudentNumber(raw: string, today: string, childIdMasked: string | null): StudentNumberCheck {
  const number = normalizeIdNumber(raw).replace(/[\s-]/g, '');
  if (number === '') return { ok: false, message: '请填写学籍号' };
  if (number.startsWith('G')) {
    const id = checkIdNumber('resident', number.slice(1), today);
    if (!id.ok) return { ok: false, message: `学籍号应为G加学生身份证号码（共19位）：${id.message}` };
    if (childIdMasked && childIdMasked.length === 18 && maskIdNumber(id.normalized) !== childIdMasked) {
      return { ok: false, message: '学籍号中的身份证号码与孩子的不一致，请核对（学籍号应为G加学生本人身份证号码）' };
    }
    return { ok: true, normalized: `G${id.normalized}` };
  }
  if (/^[LJ][0-9A-Z]{17,18}$/.test(number)) return { ok: true, normalized: number };
  return { ok: false, message: '学籍号格式不正确：一般为G加学生身份证号码（共19位），可向孩子就读学校查询' };
}

/** `G430922201801011234` → `G430922********1234`. */
export const maskStudentNumber = (number: string) => `${number[0]}${maskIdNumber(number.slice(1))}`;
