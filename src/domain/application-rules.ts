import type { ApplicationStatus } from './application-status';
import { editableStatuses, maxWithdrawals } from './application-status';
import { type Window, windowState } from './window';

/**
 * After a rejection the parent may correct and resubmit until the later of the window's close and a number of days
 * after the rejection (the entry's, set by administrators; this many when not set): reviews continue after the window,
 * and a family rejected on its last day needs time too.
 */
export const correctionDays = 3;

export function correctionDeadline(window: Window & { correctionDays?: number }, rejectedAt: Date): Date {
  const afterRejection = rejectedAt.getTime() + (window.correctionDays ?? correctionDays) * 86_400_000;
  return new Date(Math.max(window.closesAt.getTime(), afterRejection));
}

/** May the parent (re)submit now? Drafts and withdrawn applications only inside the window. */
export function submitAllowed(
  status: ApplicationStatus,
  window: Window,
  now: Date,
  rejectedAt: Date | null,
): { ok: true } | { ok: false; reason: 'window' | 'deadline' | 'status' } {
  if (!editableStatuses.includes(status)) return { ok: false, reason: 'status' };
  if (status === 'rejected' && rejectedAt) {
    if (windowState(window, now) === 'upcoming') return { ok: false, reason: 'window' };
    return now < correctionDeadline(window, rejectedAt) ? { ok: true } : { ok: false, reason: 'deadline' };
  }
  return windowState(window, now) === 'open' ? { ok: true } : { ok: false, reason: 'window' };
}

export function withdrawalsLeft(withdrawCount: number): number {
  return Math.max(0, maxWithdrawals - withdrawCount);
}
