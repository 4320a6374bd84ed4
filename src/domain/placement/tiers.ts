/** What an application brings to one school when its tier there is decided. */
export interface TierFacts {
  /** The application's channel code (`hukou`, `property`, …). */
  channel: string;
  /** The family's community is in this school's catchment for the season. */
  inCatchment: boolean;
  /** A sibling is already enrolled at this school. */
  sibling: boolean;
}

/**
 * Which applications a tier takes; every condition given must hold, a condition left out holds for all.
 * An empty rule takes everyone (the table's last tier, 其他).
 */
export interface TierRule {
  channels?: readonly string[];
  inCatchment?: boolean;
  sibling?: boolean;
}

export interface Tier {
  label: string;
  rule: TierRule;
}

/** A season's priority tiers, best first: tier 1 is the first row. */
export type TierTable = readonly Tier[];

export function ruleHolds(rule: TierRule, facts: TierFacts): boolean {
  if (rule.channels && !rule.channels.includes(facts.channel)) return false;
  if (rule.inCatchment !== undefined && rule.inCatchment !== facts.inCatchment) return false;
  if (rule.sibling !== undefined && rule.sibling !== facts.sibling) return false;
  return true;
}

/** The application's tier at a school: the number (from 1) of the first row whose rule holds; one below the last row when none does. */
export function tierOf(table: TierTable, facts: TierFacts): number {
  const index = table.findIndex((tier) => ruleHolds(tier.rule, facts));
  return index === -1 ? table.length + 1 : index + 1;
}
