import type { FormField } from '../../../src/domain/application-form';
import { sexOfIdNumber } from '../../../src/domain/identity';

/**
 * What 通道预查 learned about the household: the parent's own ID number as typed, the child's 户籍 community and the
 * date it was registered. Kept in this tab's memory only (never in the address or the browser's storage), until the
 * form takes it as prefilled values and saves them through the ordinary draft save.
 */
export interface PrecheckFacts {
  parentIdNumber: string;
  community: string | null;
  registeredOn: string | null;
}

const remembered = new Map<string, PrecheckFacts>();

export const rememberPrecheck = (applicationId: string, facts: PrecheckFacts) => remembered.set(applicationId, facts);

/** The facts of the application's pre-check, handed over once: the form saves them, so they are not kept longer. */
export function takePrecheck(applicationId: string): PrecheckFacts | undefined {
  const facts = remembered.get(applicationId);
  remembered.delete(applicationId);
  return facts;
}

const empty = (value: unknown) => value === undefined || value === null || value === '';

/**
 * The values the pre-check can fill in, for fields the form shows and the parent left empty: the parent's ID number as
 * the father's or the mother's (by the sex the number records), 学生户口取得时间, and 居住社区 when the 户籍 community is
 * one of the region's. The parent can change every one of them.
 */
export function precheckPrefill(
  facts: PrecheckFacts,
  form: Readonly<Record<string, unknown>>,
  shown: readonly FormField[],
  communities: readonly string[],
): Partial<Record<FormField, string>> {
  const out: Partial<Record<FormField, string>> = {};
  const offer = (field: FormField, value: string | null) => {
    if (value && shown.includes(field) && empty(form[field])) out[field] = value;
  };
  const sex = sexOfIdNumber(facts.parentIdNumber);
  if (sex) offer(sex === 'male' ? 'fatherIdNumber' : 'motherIdNumber', facts.parentIdNumber.trim().toUpperCase());
  offer('hukouRegisteredOn', facts.registeredOn);
  if (facts.community && communities.includes(facts.community)) offer('community', facts.community);
  return out;
}
