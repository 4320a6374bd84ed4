import type { Level } from './catalog';
import { levelNames } from './eligibility';
import type { ImportedPlaces, PlaceColumn } from './school-import';
import { type PlacesGiven, placesOf, schoolLimits, schoolPhoneOf } from './school-rules';

/** What an administrator gives for a school in a season (a new one, or an edit of one). */
export interface OfferInput {
  address: string;
  contactPhone?: string | null;
  places: readonly (PlacesGiven & { entryId: string; grade: number })[];
  communityIds: readonly string[];
}

export type OfferDecision =
  | { ok: true; address: string; contactPhone: string | null; places: ImportedPlaces[]; communityIds: string[] }
  | { ok: false; field: string; message: string };

/**
 * A school's offer checked against the season and the region: an address, a well-formed phone, places (given or as
 * classes × class size, multiplied here) only for an entry and grade of the season that the school's level takes, each
 * once, and catchment communities of the region.
 */
export function decideOffer(
  level: Level,
  input: OfferInput,
  season: { columns: readonly PlaceColumn[]; communityIds: readonly string[] },
): OfferDecision {
  const address = input.address.trim();
  if (address === '') return { ok: false, field: 'address', message: '请填写地址' };
  if (address.length > schoolLimits.address) return { ok: false, field: 'address', message: `地址不能超过${schoolLimits.address}个字` };
  const phone = schoolPhoneOf(input.contactPhone);
  if (!phone.ok) return { ok: false, field: 'contactPhone', message: phone.message };
  const places: ImportedPlaces[] = [];
  const seen = new Set<string>();
  for (const given of input.places) {
    const column = season.columns.find((c) => c.entryId === given.entryId && c.grade === given.grade);
    if (!column) return { ok: false, field: 'places', message: '本招生季没有该入口或年级' };
    if (seen.has(column.key)) return { ok: false, field: 'places', message: `「${column.label}」填写了两次` };
    seen.add(column.key);
    const decided = placesOf(given);
    if (!decided.ok) return { ok: false, field: 'places', message: `${column.label}：${decided.message}` };
    if (!column.levels.includes(level)) {
      if (decided.places > 0)
        return { ok: false, field: 'places', message: `${levelNames[level]}不招收「${column.label.replace(/学位$/, '')}」` };
      continue;
    }
    places.push({
      entryId: given.entryId,
      grade: given.grade,
      places: decided.places,
      classes: decided.classes,
      classSize: decided.classSize,
    });
  }
  const communityIds = [...new Set(input.communityIds)];
  const region = new Set(season.communityIds);
  if (communityIds.some((id) => !region.has(id))) return { ok: false, field: 'communityIds', message: '招生范围中有不属于本区域的社区' };
  return { ok: true, address, contactPhone: phone.phone, places, communityIds };
}
