import { formatChinaDateTime, formatChinaEnd } from './china-time';

export type WindowState = 'upcoming' | 'open' | 'closed';

/** A registration window: open from `opensAt` (inclusive) until `closesAt` (exclusive). */
export interface Window {
  opensAt: Date;
  closesAt: Date;
}

export function windowState(window: Window, now: Date): WindowState {
  const t = now.getTime();
  if (t < window.opensAt.getTime()) return 'upcoming';
  if (t < window.closesAt.getTime()) return 'open';
  return 'closed';
}

/** `2024-07-15 00:00 至 2024-07-25 24:00（北京时间）` */
export function describeWindow(window: Window): string {
  return `${formatChinaDateTime(window.opensAt)} 至 ${formatChinaEnd(window.closesAt)}（北京时间）`;
}

/** What a parent reads about the window right now. */
export function windowNotice(window: Window, now: Date): string {
  switch (windowState(window, now)) {
    case 'upcoming':
      return `报名尚未开始，报名时间为 ${describeWindow(window)}`;
    case 'open':
      return `正在报名，报名时间为 ${describeWindow(window)}`;
    case 'closed':
      return `报名已结束，报名时间为 ${describeWindow(window)}`;
  }
}
