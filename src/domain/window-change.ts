import type { Refusal } from './application';
import { refuse } from './application';
import { formatChinaDateTime } from './china-time';
import { describeWindow, type Window, windowState } from './window';

/** An entry's dates as administrators set them: the window, the days to correct after a rejection, the review ends. */
export interface WindowSchedule extends Window {
  correctionDays: number;
  reviewEndsAt: Date | null;
  schoolReviewEndsAt: Date | null;
}

export interface WindowChangeState {
  current: WindowSchedule;
  proposed: WindowSchedule;
  now: Date;
}

export interface WindowChange {
  ok: true;
  set: WindowSchedule;
  /** The window stays open longer than it was to: families with an unfinished application are told. */
  extended: boolean;
  before: string;
  after: string;
}

/** The schedule in words, for the audit log: `2024-07-15 00:00 至 2024-07-25 24:00（北京时间）；驳回后3天内可修改；…`. */
export function describeSchedule(s: WindowSchedule): string {
  return [
    describeWindow(s),
    `驳回后${s.correctionDays}天内可修改`,
    s.reviewEndsAt ? `网上初审至 ${formatChinaDateTime(s.reviewEndsAt)}` : null,
    s.schoolReviewEndsAt ? `学校审核至 ${formatChinaDateTime(s.schoolReviewEndsAt)}` : null,
  ]
    .filter(Boolean)
    .join('；');
}

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * An administrator changes an entry's dates. Before the window opens both ends may move, but not into the past; once
 * open the opening stays (families have registered) and the close may move later, or earlier but never into the past;
 * once closed the window stays closed (a reopening is a new window, not an edit). The review ends come after the close
 * (the schools' after the county's) and a changed one not in the past; the correction days may change at any time.
 * Nothing changed: refused, so no notice goes out.
 */
export function decideWindowChange(s: WindowChangeState): Refusal | WindowChange {
  const { current, proposed, now } = s;
  type Field = 'opensAt' | 'closesAt' | 'reviewEndsAt' | 'schoolReviewEndsAt';
  const field = (name: Field, message: string) => refuse('INVALID_INPUT', message, { fields: { [name]: [message] } });
  if (proposed.closesAt.getTime() <= proposed.opensAt.getTime()) return field('closesAt', '截止时间须晚于开始时间');
  const state = windowState(current, now);
  const opensMoved = !same(proposed.opensAt, current.opensAt);
  const closesMoved = !same(proposed.closesAt, current.closesAt);
  const reviewMoved = !same(proposed.reviewEndsAt, current.reviewEndsAt);
  const schoolMoved = !same(proposed.schoolReviewEndsAt, current.schoolReviewEndsAt);
  if (!opensMoved && !closesMoved && !reviewMoved && !schoolMoved && proposed.correctionDays === current.correctionDays) {
    return refuse('INVALID_INPUT', '报名时间没有变化');
  }
  if ((opensMoved || closesMoved) && state === 'closed') {
    return refuse('WINDOW_CLOSED', `报名已结束（${describeWindow(current)}），不能再修改报名时间`);
  }
  if (opensMoved && state === 'open') return field('opensAt', '报名已开始，不能修改开始时间');
  if (opensMoved && proposed.opensAt.getTime() < now.getTime()) return field('opensAt', '开始时间不能早于当前时间');
  if (closesMoved && proposed.closesAt.getTime() <= now.getTime()) return field('closesAt', '截止时间不能早于当前时间');
  const review = proposed.reviewEndsAt;
  if (review && review.getTime() <= proposed.closesAt.getTime()) return field('reviewEndsAt', '网上初审结束时间须晚于报名截止时间');
  if (review && reviewMoved && review.getTime() <= now.getTime()) return field('reviewEndsAt', '网上初审结束时间不能早于当前时间');
  const school = proposed.schoolReviewEndsAt;
  if (school && school.getTime() <= (review ?? proposed.closesAt).getTime()) {
    return field('schoolReviewEndsAt', review ? '学校审核结束时间须晚于网上初审结束时间' : '学校审核结束时间须晚于报名截止时间');
  }
  if (school && schoolMoved && school.getTime() <= now.getTime()) return field('schoolReviewEndsAt', '学校审核结束时间不能早于当前时间');
  return {
    ok: true,
    set: { ...proposed },
    extended: state === 'open' && proposed.closesAt.getTime() > current.closesAt.getTime(),
    before: describeSchedule(current),
    after: describeSchedule(proposed),
  };
}

/** What a family with an unfinished application is told when the window of its entry is extended. */
export function extensionNotice(entryName: string, window: Window) {
  return {
    title: '报名时间已延长',
    body: `【桃江县入学报名】「${entryName}」报名时间已延长为 ${describeWindow(window)}。您有尚未提交的报名，请在截止前完成提交。`,
  };
}
