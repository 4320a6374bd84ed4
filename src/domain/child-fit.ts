/**
 * Whether a child may start an application in an entry, answered when the parent picks the child (before 报名须知),
 * so nobody reads the declaration only to be refused: the window, the age rule of grade 1 and the one application
 * per child and season. A draft in another entry is the usual trap: it can be deleted (删除草稿), then the child fits.
 */
import type { ApplicationStatus } from './application-status';
import type { EntryCode } from './catalog';
import { oldEnoughForGrade1 } from './eligibility';

export interface ExistingApplication {
  applicationId: string;
  entryId: string;
  entryName: string;
  number: string;
  status: ApplicationStatus;
  statusName: string;
}

export interface FitInput {
  entry: { id: string; code: EntryCode; name: string };
  seasonYear: number;
  windowOpen: boolean;
  child: { birthDate: string | null };
  /** This child's application in the entry's season, if any (one per child and season). */
  existing: ExistingApplication | null;
}

export type FitReason = 'window_closed' | 'no_birth_date' | 'too_young' | 'draft_here' | 'draft_elsewhere' | 'applied';

export type Fit = { ok: true } | { ok: false; reason: FitReason; message: string };

/** Grade 1's age rule in words, or null when the child is old enough (or the entry has no age rule). */
export function ageRefusal(entryCode: EntryCode, birthDate: string | null, seasonYear: number): string | null {
  if (entryCode !== 'grade1') return null;
  if (!birthDate) return '一年级报名须以居民身份证等能体现出生日期的证件报名';
  if (oldEnoughForGrade1(birthDate, seasonYear)) return null;
  return `报读一年级须在${seasonYear}年8月31日前年满6周岁（${seasonYear - 6}年8月31日及以前出生）`;
}

export function childFit(input: FitInput): Fit {
  const { entry, existing } = input;
  if (existing?.status === 'draft') {
    return existing.entryId === entry.id
      ? { ok: false, reason: 'draft_here', message: `已有本入口的报名草稿（编号${existing.number}），请继续填写` }
      : {
          ok: false,
          reason: 'draft_elsewhere',
          message: `已在「${existing.entryName}」填写了未提交的报名草稿（编号${existing.number}）。每个孩子只能报名一次：删除该草稿后才能在本入口报名`,
        };
  }
  if (existing) {
    return {
      ok: false,
      reason: 'applied',
      message: `本招生季已在「${existing.entryName}」报名（编号${existing.number}，${existing.statusName}），每个孩子只能报名一次`,
    };
  }
  if (!input.windowOpen) return { ok: false, reason: 'window_closed', message: `${entry.name}不在报名时间内` };
  const age = ageRefusal(entry.code, input.child.birthDate, input.seasonYear);
  if (age) return { ok: false, reason: input.child.birthDate ? 'too_young' : 'no_birth_date', message: age };
  return { ok: true };
}
