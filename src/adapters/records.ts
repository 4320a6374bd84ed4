/**
 * The authority records (全省联网查询): what the public-security, housing, social-insurance and market-regulation
 * registers hold about a person. Two implementations of one contract: `localRecords` (a deterministic synthetic
 * dataset, used by demo mode and tests) and `httpRecords` (a JSON service). Hosts pick one with `recordsFromConfig`.
 *
 * Conventions: dates are China calendar dates `YYYY-MM-DD`; ID numbers are normalised 18-character resident ID
 * numbers (`normalizeIdNumber`: ASCII, upper-case X). Record values are personal data: no implementation logs them,
 * and no error message carries them.
 */

/** The operations of the contract, also the path segments of the HTTP service (`POST <url>/<operation>`). */
export const recordsOperations = ['identity', 'hukou', 'properties', 'pension', 'businessLicences', 'publicServant'] as const;
export type RecordsOperation = (typeof recordsOperations)[number];

/** `match`: the ID number exists and carries this name; `name_mismatch`: it exists under another name; `not_found`: no such person. */
export type IdentityResult = 'match' | 'name_mismatch' | 'not_found';

/** A member's relation to the head of the household (户主), as the hukou booklet's 与户主关系 column says. */
export type HouseholdRelation = 'head' | 'spouse' | 'child' | 'parent' | 'other';

export interface HouseholdMember {
  idNumber: string;
  name: string;
  /** Relation to the head of the household; grandchildren, siblings and others are `other`. */
  relation: HouseholdRelation;
}

/** The household (户) a person is registered in. */
export interface HukouRecord {
  /** The person asked about. */
  idNumber: string;
  name: string;
  /** The household's registered address (户籍地址). */
  address: string;
  /** The 社区/村 of the address: one of the season's communities when registered in the town, another place's name otherwise. */
  community: string;
  /** When this person's registration in this household was made (户口登记/迁入日期). */
  registeredOn: string;
  /** Stable id of the household (户号): two people are in the same household when their `householdId`s are equal. */
  householdId: string;
  /** Every member of the household, the person asked about included, head first. */
  relations: HouseholdMember[];
}

/** One owner's entry in the real-estate register (不动产登记); co-owners have one entry each with the same certificate. */
export interface PropertyRecord {
  ownerIdNumber: string;
  /** 不动产权证书号, e.g. `湘(2021)桃江县不动产权第0003127号`. */
  certificateNumber: string;
  address: string;
  /** The 社区/村 of the property, as for hukou. */
  community: string;
  /** Date of registration (登簿日期). */
  registeredOn: string;
}

/** Employee basic pension insurance (职工基本养老保险) of one person. */
export interface PensionRecord {
  idNumber: string;
  /** The paying employer (参保单位). */
  employer: string;
  /** Date of the first payment of the current continuous period. */
  firstPaidOn: string;
  /** Months paid in the current continuous period, up to the snapshot month. */
  months: number;
  /** Whether payments are still being made. */
  active: boolean;
}

/** A business licence (营业执照) held by a person: an enterprise's legal representative or an individual business's operator. */
export interface BusinessLicenceRecord {
  holderIdNumber: string;
  /** 统一社会信用代码 (18 characters, GB 32100). */
  licenceNumber: string;
  /** The registered name of the business. */
  name: string;
  /** Date of first issue (成立日期). */
  issuedOn: string;
  address: string;
  /** The 社区/村 of the business address, as for hukou. */
  community: string;
}

/** Employment as a public servant or in a public institution (党政机关、事业单位在编人员). */
export interface PublicServantRecord {
  idNumber: string;
  employer: string;
  /** Date of appointment or transfer to this employer (调入日期). */
  since: string;
}

export interface AuthorityRecords {
  /** Does this ID number exist, and does it carry this name? */
  identity(query: { name: string; idNumber: string }): Promise<{ result: IdentityResult }>;
  /** The household the person is registered in and its members; `null` when the person has no hukou record. */
  hukou(idNumber: string): Promise<HukouRecord | null>;
  /** Property entries of any of these owners (one entry per owner and certificate); `[]` for none. */
  properties(ownerIdNumbers: string[]): Promise<PropertyRecord[]>;
  /** The person's employee pension insurance; `null` when never insured. */
  pension(idNumber: string): Promise<PensionRecord | null>;
  /** Business licences held by the person, oldest first; `[]` for none. */
  businessLicences(holderIdNumber: string): Promise<BusinessLicenceRecord[]>;
  /** The person's public-servant employment; `null` when none. */
  publicServant(idNumber: string): Promise<PublicServantRecord | null>;
}

export interface RecordsErrorOptions {
  /** The service's HTTP status, when it answered. */
  status?: number;
  cause?: unknown;
}

/**
 * A records call failed and trying again will not help by itself: the service refused the request (bad key, bad
 * request: 4xx) or answered something that is not the contract (malformed JSON, wrong shape). The caller records the
 * check as failed for an operator or reviewer to see. The message never holds record values or ID numbers.
 */
export class RecordsError extends Error {
  readonly status: number | undefined;
  /** Whether the same call may succeed later (only `RecordsUnavailableError`). */
  readonly retryable: boolean = false;

  constructor(message: string, options: RecordsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RecordsError';
    this.status = options.status;
  }
}

/**
 * The records service cannot answer now (timeouts, network errors, 5xx, 429 after the adapter's own retries): the
 * caller keeps the check pending and retries it later. A subclass of `RecordsError`: test for it first.
 */
export class RecordsUnavailableError extends RecordsError {
  override readonly retryable: boolean = true;

  constructor(message: string, options: RecordsErrorOptions = {}) {
    super(message, options);
    this.name = 'RecordsUnavailableError';
  }
}
