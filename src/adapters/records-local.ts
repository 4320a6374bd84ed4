import { normalizeIdNumber } from '../domain/identity';
import type { AuthorityRecords, BusinessLicenceRecord, HukouRecord, PensionRecord, PropertyRecord, PublicServantRecord } from './records';
import { recordsIndex, type SyntheticDataset, syntheticDataset } from './records-dataset';

/**
 * The authority records answered from a synthetic dataset in memory (default: the seeded one of
 * `records-dataset.ts`): what demo mode and tests run with. No I/O, no logging; the indexes are built on the first
 * call. Every answer is a fresh copy, so a caller cannot change the dataset.
 *
 * @example const records = localRecords();
 */
export function localRecords(dataset: SyntheticDataset | (() => SyntheticDataset) = syntheticDataset): AuthorityRecords {
  let index: ReturnType<typeof recordsIndex> | undefined;
  const records = () => (index ??= recordsIndex(typeof dataset === 'function' ? dataset() : dataset));
  const id = (raw: string) => normalizeIdNumber(String(raw));

  return {
    async identity({ name, idNumber }) {
      const person = records().people.get(id(idNumber));
      if (!person) return { result: 'not_found' };
      return { result: person.name === String(name).trim() ? 'match' : 'name_mismatch' };
    },

    async hukou(idNumber): Promise<HukouRecord | null> {
      const key = id(idNumber);
      const household = records().households.get(key);
      const member = household?.members.find((m) => m.idNumber === key);
      if (!household || !member) return null;
      return {
        idNumber: member.idNumber,
        name: member.name,
        address: household.address,
        community: household.community,
        registeredOn: member.registeredOn,
        householdId: household.householdId,
        relations: household.members.map((m) => ({ idNumber: m.idNumber, name: m.name, relation: m.relation })),
      };
    },

    async properties(ownerIdNumbers): Promise<PropertyRecord[]> {
      const owners = [...new Set(ownerIdNumbers.map(id))];
      return owners.flatMap((owner) => (records().properties.get(owner) ?? []).map((p) => ({ ...p })));
    },

    async pension(idNumber): Promise<PensionRecord | null> {
      const record = records().pensions.get(id(idNumber));
      return record ? { ...record } : null;
    },

    async businessLicences(holderIdNumber): Promise<BusinessLicenceRecord[]> {
      return (records().licences.get(id(holderIdNumber)) ?? []).map((l) => ({ ...l }));
    },

    async publicServant(idNumber): Promise<PublicServantRecord | null> {
      const record = records().publicServants.get(id(idNumber));
      return record ? { ...record } : null;
    },
  };
}
