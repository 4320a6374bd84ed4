import type { Refusal } from './application';
import { refuse } from './application';
import { describeWindow, type Window, windowState } from './window';

export interface WindowChangeState {
  current: Window;
  proposed: Window;
  now: Date;
}

export interface WindowChange {
  ok: true;
  set: { opensAt: Date; closesAt: Date };
  /** The window stays open longer than it was to: families with an unfinished application are told. */
  extended: boolean;
  before: string;
  after: string;
}

/**
 * An administrator moves an entry's window. Before it opens both ends may move, but not into the past; once open the
 * opening stays (families have registered) and the close may move later, or earlier but never into the past; once
 * closed it stays closed (a reopening is a new window, not an edit). Nothing changes: refused, so no notice goes out.
 */
export function decideWindowChange(s: WindowChangeState): Refusal | WindowChange {
  const { current, proposed, now } = s;
  const field = (name: 'opensAt' | 'closesAt', message: string) => refuse('INVALID_INPUT', message, { fields: { [name]: [message] } });
  if (proposed.closesAt.getTime() <= proposed.opensAt.getTime()) return field('closesAt', '截止时间须晚于开始时间');
  const state = windowState(current, now);
  const opensMoved = proposed.opensAt.getTime() !== current.opensAt.getTime();
  const closesMoved = proposed.closesAt.getTime() !== current.closesAt.getTime();
  if (!opensMoved && !closesMoved) return refuse('INVALID_INPUT', '报名时间没有变化');
  if (state === 'closed') return refuse('WINDOW_CLOSED', `报名已结束（${describeWindow(current)}），不能再修改报名时间`);
  if (opensMoved && state === 'open') return field('opensAt', '报名已开始，不能修改开始时间');
  if (opensMoved && proposed.opensAt.getTime() < now.getTime()) return field('opensAt', '开始时间不能早于当前时间');
  if (closesMoved && proposed.closesAt.getTime() <= now.getTime()) return field('closesAt', '截止时间不能早于当前时间');
  return {
    ok: true,
    set: { opensAt: proposed.opensAt, closesAt: proposed.closesAt },
    extended: state === 'open' && proposed.closesAt.getTime() > current.closesAt.getTime(),
    before: describeWindow(current),
    after: describeWindow(proposed),
  };
}

/** What a family with an unfinished application is told when the window of its entry is extended. */
export function extensionNotice(entryName: string, window: Window) {
  return {
    title: '报名时间已延长',
    body: `【桃江县入学报名】「${entryName}」报名时间已延长为 ${describeWindow(window)}。您有尚未提交的报名，请在截止前完成提交。`,
  };
}
