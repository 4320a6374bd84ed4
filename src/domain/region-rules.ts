/**
 * The rules of an administrator's change to the towns of the county (regions): what a region's fields may hold, and
 * that a new order names exactly the regions there are. Pure: the service loads, these decide, the service commits.
 */

/** A region's code: lower-case letters, digits and hyphens (it appears in links and imports). */
export const regionCodePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A landline with its area code (`0737-8822011`, `07378822011`) or a mobile number (`13812345678`). */
export const regionPhonePattern = /^(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9})$/;

export const regionLimits = { name: 40, code: 40, phone: 20, address: 120, sponsor: 60, icp: 40 } as const;

/** What an administrator edits of a region. Empty optional fields are `null`. */
export interface RegionFields {
  name: string;
  contactPhone: string | null;
  address: string | null;
  sponsor: string | null;
  icp: string | null;
}

export type RegionRefusal = { ok: false; code: 'INVALID_INPUT' | 'REGION_EXISTS' | 'REGION_CHANGED'; message: string; field?: string };

/** Blanks trimmed (none inside a phone number); an empty optional field becomes `null`. */
export function cleanRegionFields(input: {
  name: string;
  contactPhone?: string | null;
  address?: string | null;
  sponsor?: string | null;
  icp?: string | null;
}): RegionFields {
  const optional = (value: string | null | undefined) => {
    const trimmed = value?.trim() ?? '';
    return trimmed === '' ? null : trimmed;
  };
  const phone = optional(input.contactPhone);
  return {
    name: input.name.trim(),
    contactPhone: phone === null ? null : phone.replace(/\s/g, ''),
    address: optional(input.address),
    sponsor: optional(input.sponsor),
    icp: optional(input.icp),
  };
}

/** The first field that breaks a rule, as a refusal naming it; `null` when every field is acceptable. */
export function regionFieldsRefusal(fields: RegionFields): RegionRefusal | null {
  if (fields.name === '') return { ok: false, code: 'INVALID_INPUT', field: 'name', message: '请填写区域名称' };
  if (fields.contactPhone !== null && !regionPhonePattern.test(fields.contactPhone)) {
    return { ok: false, code: 'INVALID_INPUT', field: 'contactPhone', message: '咨询电话格式不正确（如 0737-8822011 或 13812345678）' };
  }
  return null;
}

interface ExistingRegion extends RegionFields {
  id: string;
  code: string;
  version: number;
}

export type RegionChange =
  | RegionRefusal
  | { ok: true; before: RegionFields; after: RegionFields; changed: (keyof RegionFields)[]; guard: { version: number } };

const fieldNames: (keyof RegionFields)[] = ['name', 'contactPhone', 'address', 'sponsor', 'icp'];

/** Only the fields of a region an administrator edits (for the audit entry's before and after). */
export function regionFieldsOf(region: RegionFields): RegionFields {
  return { name: region.name, contactPhone: region.contactPhone, address: region.address, sponsor: region.sponsor, icp: region.icp };
}

/**
 * An edit of `current`, made on the version the administrator saw: refused when the region changed since, when a
 * field breaks a rule, or when another region already has the new name; otherwise the change with before and after.
 */
export function decideRegionUpdate(
  current: ExistingRegion,
  input: { version: number; fields: RegionFields },
  others: readonly { id: string; name: string }[],
): RegionChange {
  if (current.version !== input.version) return { ok: false, code: 'REGION_CHANGED', message: regionChangedMessage };
  const refusal = regionFieldsRefusal(input.fields);
  if (refusal) return refusal;
  if (others.some((r) => r.id !== current.id && r.name === input.fields.name)) {
    return { ok: false, code: 'REGION_EXISTS', field: 'name', message: `已有名为「${input.fields.name}」的区域` };
  }
  const before = regionFieldsOf(current);
  const after = input.fields;
  return { ok: true, before, after, changed: fieldNames.filter((k) => before[k] !== after[k]), guard: { version: current.version } };
}

/** A new region: its code is unique among codes and its name among names. */
export function decideRegionCreate(
  input: { code: string; fields: RegionFields },
  existing: readonly { code: string; name: string }[],
): RegionRefusal | { ok: true } {
  if (!regionCodePattern.test(input.code)) {
    return { ok: false, code: 'INVALID_INPUT', field: 'code', message: '区域代码只能包含小写字母、数字和连字符' };
  }
  const refusal = regionFieldsRefusal(input.fields);
  if (refusal) return refusal;
  if (existing.some((r) => r.code === input.code)) {
    return { ok: false, code: 'REGION_EXISTS', field: 'code', message: `区域代码「${input.code}」已被使用` };
  }
  if (existing.some((r) => r.name === input.fields.name)) {
    return { ok: false, code: 'REGION_EXISTS', field: 'name', message: `已有名为「${input.fields.name}」的区域` };
  }
  return { ok: true };
}

export const regionChangedMessage = '该区域已被他人修改，请刷新后再试';
export const regionOrderChangedMessage = '区域列表已被他人修改，请刷新后再排序';

/** A new order must name every existing region exactly once, and nothing else. */
export function decideRegionOrder(existingIds: readonly string[], ids: readonly string[]): RegionRefusal | { ok: true } {
  const given = new Set(ids);
  const sameSet = given.size === ids.length && ids.length === existingIds.length && existingIds.every((id) => given.has(id));
  if (!sameSet) return { ok: false, code: 'REGION_CHANGED', message: regionOrderChangedMessage };
  return { ok: true };
}
