import { regionPhonePattern } from './region-rules';

/** A school's code within its region: letters, digits, `-` and `_` (the bureau's own numbering or a short name). */
export const schoolCodePattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** A landline with its area code or a mobile number, as for a region's office. */
export const schoolPhonePattern = regionPhonePattern;
export const schoolLimits = { code: 40, name: 60, address: 120, community: 40, places: 10_000, classes: 200, classSize: 80 } as const;

export const schoolChangedMessage = '该学校已被他人修改，请刷新后再试';

/** 计划学位 of one entry and grade as given: the places, or classes × class size (the server multiplies). */
export interface PlacesGiven {
  places?: number | null;
  classes?: number | null;
  classSize?: number | null;
}

export type PlacesDecided = { ok: true; places: number; classes: number | null; classSize: number | null } | { ok: false; message: string };

/** The places a school offers for one entry and grade: given directly, or as classes × class size; both must agree. */
export function placesOf(given: PlacesGiven): PlacesDecided {
  const { places, classes, classSize } = given;
  const byClasses = classes != null || classSize != null;
  if (byClasses) {
    if (classes == null || classSize == null) return { ok: false, message: '按班级填写时，班数和班额都要填写' };
    if (!isCount(classes, schoolLimits.classes)) return { ok: false, message: `班数须为 0 到 ${schoolLimits.classes} 的整数` };
    if (!isCount(classSize, schoolLimits.classSize)) return { ok: false, message: `班额须为 0 到 ${schoolLimits.classSize} 的整数` };
    const total = classes * classSize;
    if (places != null && places !== total)
      return { ok: false, message: `学位数 ${places} 与班数×班额（${classes}×${classSize}=${total}）不一致` };
    return { ok: true, places: total, classes, classSize };
  }
  if (places == null) return { ok: false, message: '请填写学位数，或班数和班额' };
  if (!isCount(places, schoolLimits.places)) return { ok: false, message: `学位数须为 0 到 ${schoolLimits.places} 的整数` };
  return { ok: true, places, classes: null, classSize: null };
}

function isCount(n: number, max: number) {
  return Number.isInteger(n) && n >= 0 && n <= max;
}

/** A phone as typed (blanks dropped; empty is none), or a refusal. */
export function schoolPhoneOf(raw: string | null | undefined): { ok: true; phone: string | null } | { ok: false; message: string } {
  const phone = (raw ?? '').replace(/[\s\u3000]/g, '').replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (phone === '') return { ok: true, phone: null };
  if (!schoolPhonePattern.test(phone)) return { ok: false, message: '咨询电话格式不正确（如 0737-8821107 或 13812345678）' };
  return { ok: true, phone };
}

/** How many applications of the season name the school: as first or second choice, or as a sibling's school. */
export interface SchoolUse {
  choices: number;
  siblings: number;
}

/**
 * Whether a school may leave a season. Any application that names it — a draft included, since a draft is what a
 * parent has chosen and will submit — keeps it there: removing it would change (or break) what families chose.
 */
export function removalRefusal(schoolName: string, use: SchoolUse): string | null {
  if (use.choices === 0 && use.siblings === 0) return null;
  const parts = [
    use.choices > 0 ? `${use.choices} 份报名将其选为志愿学校` : '',
    use.siblings > 0 ? `${use.siblings} 份报名的兄弟姐妹在该校就读` : '',
  ]
    .filter(Boolean)
    .join('，');
  return `「${schoolName}」不能从本招生季移除：${parts}（含未提交的草稿）`;
}

/**
 * The communities a change takes out of a school's 招生范围 while applications of the season (other than drafts) from
 * that community chose the school: those families were offered it, so the change is refused naming them.
 */
export function catchmentRemovalRefusal(
  schoolName: string,
  before: readonly string[],
  after: readonly string[],
  chosenFrom: readonly string[],
): string | null {
  const kept = new Set(after);
  const used = new Set(chosenFrom);
  const lost = before.filter((c) => !kept.has(c) && used.has(c));
  if (lost.length === 0) return null;
  return `「${schoolName}」的招生范围不能去掉${lost.map((c) => `「${c}」`).join('、')}：已有该社区的报名选择了本校`;
}

/** The communities of a catchment as listed in one cell: separated by 、，,；; or blanks; duplicates dropped. */
export function splitCommunities(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/[、，,；;\s\u3000]+/)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
}
