import type { ChannelEligibility } from './catalog';
import { lockedPropertySummary, propertyUsed } from './property-lock';

/**
 * 系统可查验: what the authority records say about each claim of an application, as rules over plain values (the
 * service fetches the records). Dates are China calendar dates `YYYY-MM-DD`; a cut-off "before X" is strict.
 */
export type CheckResult = 'pass' | 'fail' | 'manual' | 'pending';
export type Claim =
  | 'identity_child'
  | 'identity_father'
  | 'identity_mother'
  | 'relation'
  | 'hukou'
  | 'property'
  | 'pension'
  | 'business'
  | 'public_servant'
  | 'paper_proof';

export interface CheckOutcome {
  claim: Claim;
  result: CheckResult;
  /** What a reviewer reads, e.g. `户籍登记于 2023-05-01，早于 2024-03-01 ✓`. */
  summary: string;
  /** The record values the result rests on (shown to staff in the detail view only). */
  values: Record<string, unknown>;
}

/** Facts drawn from the records for one family. `undefined` = not looked up; `null` = looked up, nothing there. */
export interface FamilyFacts {
  identities: Partial<Record<'child' | 'father' | 'mother', 'match' | 'name_mismatch' | 'not_found'>>;
  childHukou?: { community: string; registeredOn: string; parentInHousehold: boolean } | null;
  properties?: { community: string; registeredOn: string; certificateNumber?: string }[];
  /** 一房一位: certificate keys locked by another child's admission (loaded from the locks, not the records). */
  lockedCertificates?: readonly string[];
  pensions?: { firstPaidOn: string; months: number }[];
  licences?: { issuedOn: string; community: string }[];
  publicServant?: { employer: string; since: string } | null;
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

export function identityOutcome(who: 'child' | 'father' | 'mother', result: 'match' | 'name_mismatch' | 'not_found'): CheckOutcome {
  const claim = `identity_${who}` as Claim;
  const name = { child: '学生', father: '父亲', mother: '母亲' }[who];
  if (result === 'match') return { claim, result: 'pass', summary: `${name}姓名与身份证号码一致 ✓`, values: { result } };
  if (result === 'name_mismatch') return { claim, result: 'fail', summary: `${name}姓名与身份证号码不一致 ✗`, values: { result } };
  return { claim, result: 'manual', summary: `未查到${name}的身份信息，需人工核对`, values: { result } };
}

/**
 * The claims a channel makes and what the records say about each. `townCommunities` = the season's communities
 * (the 中心城区); a record elsewhere does not count for town channels.
 */
export function channelOutcomes(
  eligibility: ChannelEligibility,
  facts: FamilyFacts,
  townCommunities: ReadonlySet<string>,
  claims: { hukouShowsRelation?: boolean | null; businessProof?: unknown; propertyProof?: unknown; propertyCertificateNumber?: unknown },
): CheckOutcome[] {
  const out: CheckOutcome[] = [];
  const before = eligibility.before;

  if (facts.childHukou !== undefined) {
    const h = facts.childHukou;
    if (!h) out.push({ claim: 'relation', result: 'manual', summary: '未查到学生户籍，亲子关系需人工核对', values: {} });
    else if (h.parentInHousehold)
      out.push({ claim: 'relation', result: 'pass', summary: '户口簿体现亲子关系 ✓', values: { parentInHousehold: true } });
    else
      out.push({
        claim: 'relation',
        result: claims.hukouShowsRelation === false ? 'manual' : 'fail',
        summary:
          claims.hukouShowsRelation === false ? '户口簿未体现亲子关系，需核对出生医学证明' : '户口簿未体现亲子关系，但报名时填写为能体现 ✗',
        values: { parentInHousehold: false },
      });
  }

  switch (eligibility.check) {
    case 'hukou': {
      const h = facts.childHukou;
      if (!h) {
        out.push({ claim: 'hukou', result: 'fail', summary: '未查到学生户籍信息 ✗', values: {} });
        break;
      }
      const inTown = townCommunities.has(h.community);
      const early = !before || h.registeredOn < before;
      out.push({
        claim: 'hukou',
        result: inTown && early ? 'pass' : 'fail',
        summary: `户籍登记于 ${h.registeredOn}${before ? `，${early ? '早于' : '不早于'} ${before}` : ''} ${mark(early)}；户籍地 ${h.community} ${mark(inTown)}`,
        values: { community: h.community, registeredOn: h.registeredOn },
      });
      break;
    }
    case 'property': {
      const town = (facts.properties ?? []).filter((p) => townCommunities.has(p.community));
      const certificateKey = propertyUsed({
        records: town.flatMap((p) => (p.certificateNumber ? [p.certificateNumber] : [])),
        typed: claims.propertyCertificateNumber,
        proof: claims.propertyProof,
      });
      const locked = certificateKey !== null && (facts.lockedCertificates ?? []).includes(certificateKey);
      if (claims.propertyProof && claims.propertyProof !== 'certificate') {
        out.push({
          claim: 'paper_proof',
          result: 'manual',
          summary: locked ? lockedPropertySummary : '以购房备案、公租房或原始住户证明报名，需人工审核证明材料',
          values: { proof: claims.propertyProof, ...(certificateKey ? { certificateKey } : {}), ...(locked ? { locked } : {}) },
        });
        break;
      }
      if (!town.length) {
        out.push({
          claim: 'property',
          result: 'fail',
          summary: '未查到父母在城区的房产登记 ✗',
          values: { properties: facts.properties ?? [] },
        });
        break;
      }
      const values = { properties: town, ...(certificateKey ? { certificateKey } : {}) };
      out.push(
        locked
          ? { claim: 'property', result: 'manual', summary: lockedPropertySummary, values: { ...values, locked } }
          : {
              claim: 'property',
              result: 'pass',
              summary: `父母在城区有房产（${town[0]!.community}，登记于 ${town[0]!.registeredOn}）✓`,
              values,
            },
      );
      break;
    }
    case 'pension': {
      const min = eligibility.minInsuredMonths ?? 0;
      const best = [...(facts.pensions ?? [])].sort((a, b) => a.firstPaidOn.localeCompare(b.firstPaidOn))[0];
      if (!best) {
        out.push({ claim: 'pension', result: 'fail', summary: '未查到父母的职工养老保险 ✗', values: {} });
        break;
      }
      const early = !before || best.firstPaidOn < before;
      const enough = best.months >= min;
      out.push({
        claim: 'pension',
        result: early && enough ? 'pass' : 'fail',
        summary: `养老保险自 ${best.firstPaidOn} 起${before ? `，${early ? '早于' : '不早于'} ${before}` : ''} ${mark(early)}；连续缴费 ${best.months} 个月${min ? `，${enough ? '满' : '不满'} ${min} 个月` : ''} ${mark(enough)}`,
        values: { firstPaidOn: best.firstPaidOn, months: best.months },
      });
      break;
    }
    case 'business': {
      if (claims.businessProof === 'park') {
        out.push({ claim: 'paper_proof', result: 'manual', summary: '以园区证明报名，需人工审核证明材料', values: {} });
        break;
      }
      const town = [...(facts.licences ?? [])]
        .filter((l) => townCommunities.has(l.community))
        .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn));
      const oldest = town[0];
      if (!oldest) {
        out.push({ claim: 'business', result: 'fail', summary: '未查到父母在城区的营业执照 ✗', values: {} });
        break;
      }
      const early = !before || oldest.issuedOn < before;
      out.push({
        claim: 'business',
        result: early ? 'pass' : 'fail',
        summary: `营业执照取得于 ${oldest.issuedOn}${before ? `，${early ? '早于' : '不早于'} ${before}` : ''} ${mark(early)}`,
        values: { issuedOn: oldest.issuedOn, community: oldest.community },
      });
      break;
    }
    case 'public_servant': {
      const p = facts.publicServant;
      out.push(
        p
          ? {
              claim: 'public_servant',
              result: 'pass',
              summary: `父母为${p.employer}在编人员（${p.since} 起）✓`,
              values: { employer: p.employer, since: p.since },
            }
          : { claim: 'public_servant', result: 'fail', summary: '未查到父母的公职人员信息 ✗', values: {} },
      );
      break;
    }
    default:
      out.push({ claim: 'paper_proof', result: 'manual', summary: '本通道需人工审核纸质证明材料', values: {} });
  }
  return out;
}

/** The worst result of a set, for the queue filter: fail > manual > pending > pass. */
export function overall(results: CheckResult[]): CheckResult | null {
  for (const r of ['fail', 'manual', 'pending', 'pass'] as const) if (results.includes(r)) return r;
  return null;
}

/** A pre-check line for a parent: does the family appear to qualify for a channel, and why. */
export function precheckReason(outcomes: CheckOutcome[]): { qualifies: boolean | null; reasons: string[] } {
  const relevant = outcomes.filter((o) => !o.claim.startsWith('identity') && o.claim !== 'relation');
  if (relevant.some((o) => o.result === 'fail')) return { qualifies: false, reasons: relevant.map((o) => o.summary) };
  if (relevant.every((o) => o.result === 'pass')) return { qualifies: true, reasons: relevant.map((o) => o.summary) };
  return { qualifies: null, reasons: relevant.map((o) => o.summary) };
}
