import type { ChannelEligibility } from './catalog';

/**
 * What parents read of a channel's criteria, from its parameters: `须在 2024-03-01 之前取得`, `参保满 12 个月`. The
 * parents' channel card shows them, so the administrators' preview changes with the parameters.
 */
export function channelTerms(eligibility: Pick<ChannelEligibility, 'before' | 'minInsuredMonths'>): string[] {
  const terms: string[] = [];
  if (eligibility.before) terms.push(`须在 ${eligibility.before} 之前取得`);
  if (eligibility.minInsuredMonths) terms.push(`参保满 ${eligibility.minInsuredMonths} 个月`);
  return terms;
}
