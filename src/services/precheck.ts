import { and, asc, eq } from 'drizzle-orm';
import { channels, children, entries, seasons, tracks } from '../../db/schema';
import type { AppDeps } from '../deps';
import { RecordsUnavailableError } from '../adapters/records';
import { DomainError, fieldError } from '../domain/errors';
import { checkIdNumber, normalizeIdNumber } from '../domain/identity';
import { formatChinaDate } from '../domain/china-time';
import { channelOutcomes, precheckReason } from '../domain/verification';
import { limits } from '../domain/limits';
import { perAddress, takeLimits } from './limits';
import { familyFacts, townCommunities } from './verification';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'vault' | 'records'>;

/**
 * 通道预查: before choosing a channel, what the records hold for this child's household and which channels the
 * child appears to qualify for, with the reason for each. Only a parent whose own ID number is in the child's
 * household may look, and only dates, months and community names are shown — never names, numbers or addresses.
 * The parent may still choose any channel.
 */
export async function precheck(
  deps: Deps,
  accountId: string,
  input: { childId: string; entryId: string; parentIdNumber: string },
  ip: string | null,
) {
  const { db } = deps;
  // Each answer says whether an ID number is in a household: limited per account and per address.
  await takeLimits(deps, [{ rule: limits.precheckPerAccount, subject: accountId }, ...perAddress(limits.precheckPerAddress, ip)]);
  const [child] = await db
    .select()
    .from(children)
    .where(and(eq(children.id, input.childId), eq(children.accountId, accountId)));
  if (!child) throw new DomainError('CHILD_NOT_FOUND', '找不到该孩子');
  const parentId = checkIdNumber('resident', input.parentIdNumber, formatChinaDate(deps.clock.now()));
  if (!parentId.ok) throw fieldError('parentIdNumber', parentId.message);
  const [entry] = await db
    .select({ entry: entries, regionId: seasons.regionId })
    .from(entries)
    .innerJoin(seasons, eq(seasons.id, entries.seasonId))
    .where(eq(entries.id, input.entryId));
  if (!entry) throw new DomainError('ENTRY_NOT_FOUND', '找不到该报名入口');
  const childIdNumber = normalizeIdNumber(await deps.vault.decrypt(child.idCipher));

  try {
    const hukou = await deps.records.hukou(childIdNumber);
    if (!hukou) {
      return { household: null, records: null, channels: [], message: '未查到孩子的户籍信息。可照常选择报名通道，审核时将人工核对材料。' };
    }
    const member = hukou.relations.find((m) => m.idNumber === parentId.normalized && m.idNumber !== childIdNumber);
    if (!member) {
      throw new DomainError(
        'PRECHECK_NOT_ALLOWED',
        '只能查询与孩子在同一户口簿上的家长的信息：所填身份证号码不在孩子的户口簿上（户口簿不能体现亲子关系的，请直接选择通道并上传出生医学证明）',
      );
    }
    const partner = hukou.relations.find(
      (m) =>
        m.idNumber !== member.idNumber &&
        m.idNumber !== childIdNumber &&
        (member.relation === 'head' ? m.relation === 'spouse' : member.relation === 'spouse' ? m.relation === 'head' : false),
    );
    const facts = await familyFacts(
      deps.records,
      {
        child: { name: child.name, idNumber: childIdNumber },
        father: { name: member.name, idNumber: member.idNumber },
        ...(partner ? { mother: { name: partner.name, idNumber: partner.idNumber } } : {}),
      },
      'all',
    );
    const town = await townCommunities(db, entry.regionId);
    const channelRows = await db
      .select({ channel: channels })
      .from(channels)
      .innerJoin(tracks, eq(tracks.id, channels.trackId))
      // A disabled channel is not offered, so it is not recommended either.
      .where(and(eq(tracks.entryId, entry.entry.id), eq(channels.enabled, true)))
      .orderBy(asc(tracks.sort), asc(channels.sort));
    // Tracks of one entry repeat channels (县城 / 非县城毕业生): one verdict per channel code, in the order first met.
    const byCode = new Map<string, (typeof channelRows)[number]['channel']>();
    for (const { channel } of channelRows) if (!byCode.has(channel.code)) byCode.set(channel.code, channel);
    const verdicts = [...byCode.values()].map((channel) => ({
      code: channel.code,
      name: channel.name,
      ...precheckReason(channelOutcomes(channel.eligibility, facts, town, {})),
    }));
    return {
      household: { community: hukou.community, inTown: town.has(hukou.community), registeredOn: hukou.registeredOn, showsParent: true },
      records: {
        properties: (facts.properties ?? []).map((p) => ({
          community: p.community,
          inTown: town.has(p.community),
          registeredOn: p.registeredOn,
        })),
        pensions: facts.pensions ?? [],
        licences: (facts.licences ?? []).map((l) => ({ issuedOn: l.issuedOn, inTown: town.has(l.community) })),
        publicServant: facts.publicServant ? { since: facts.publicServant.since } : null,
      },
      channels: verdicts,
      message: '以下结果仅供参考，请根据家庭真实情况选择报名通道；提交后系统将再次核验。',
    };
  } catch (error) {
    if (error instanceof RecordsUnavailableError)
      throw new DomainError('RECORDS_UNAVAILABLE', '查询服务暂时不可用，请稍后再试，或直接选择报名通道');
    throw error;
  }
}
