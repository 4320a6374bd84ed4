import type { ChannelDocument, ChannelEligibility, Level } from './catalog';
import { formatChinaDate } from './china-time';

/** What the publish check reads of a season and its region. */
export interface SeasonFacts {
  entries: {
    name: string;
    window: { opensAt: Date; closesAt: Date } | null;
    levels: readonly Level[];
    channels: { name: string; track: string; documents: readonly ChannelDocument[]; eligibility: ChannelEligibility }[];
  }[];
  schools: { name: string; level: Level; capacity: number; communities: readonly string[] }[];
  communities: readonly string[];
  /** The windows of the region's other published seasons. */
  otherWindows: { season: string; entry: string; opensAt: Date; closesAt: Date }[];
}

const levelNames: Record<Level, string> = { primary: '小学', junior: '初中' };

/**
 * Every problem that keeps a season from being published, in zh-CN, in the order an administrator fixes them: an entry
 * without a window or channel, a channel without documents or with a cut-off after its window, a school without
 * places or 招生范围, a community no school of a level serves, a window overlapping another published season's.
 */
export function publishProblems(s: SeasonFacts): string[] {
  const problems: string[] = [];
  if (s.entries.length === 0) problems.push('该招生季没有报名入口');
  for (const entry of s.entries) {
    if (!entry.window) problems.push(`「${entry.name}」没有报名时间`);
    if (entry.channels.length === 0) problems.push(`「${entry.name}」没有报名通道`);
    for (const channel of entry.channels) {
      const where = `「${entry.name} · ${channel.track} · ${channel.name}」`;
      if (channel.documents.length === 0) problems.push(`${where}没有要求上传的材料`);
      const cutOff = channel.eligibility.before;
      if (cutOff && entry.window && cutOff > formatChinaDate(entry.window.closesAt)) {
        problems.push(`${where}的截止日期 ${cutOff} 晚于报名结束时间`);
      }
    }
    for (const other of s.otherWindows) {
      if (entry.window && entry.window.opensAt < other.closesAt && other.opensAt < entry.window.closesAt) {
        problems.push(`「${entry.name}」的报名时间与已发布的「${other.season} · ${other.entry}」重叠`);
      }
    }
  }
  const levels = new Set(s.entries.flatMap((e) => e.levels));
  for (const school of s.schools.filter((sc) => levels.has(sc.level))) {
    if (school.capacity <= 0) problems.push(`「${school.name}」没有招生名额`);
    if (school.communities.length === 0) problems.push(`「${school.name}」没有招生范围（社区）`);
  }
  for (const level of levels) {
    for (const community of s.communities) {
      if (!s.schools.some((sc) => sc.level === level && sc.communities.includes(community))) {
        problems.push(`「${community}」没有${levelNames[level]}学校招生`);
      }
    }
  }
  return problems;
}
