/**
 * 注销账号 (issue 15, point 6): a parent may delete their account unless the bureau is still acting on one of its
 * applications in a season that is not over.
 *
 * A season is over once its region has published a newer season (parents then see only that one: the catalog's
 * current season is the newest published) or once its retention date has passed. Until then it is live.
 *
 * - Refused while an application is with the bureau (submitted, 初审通过, 学校审核通过, 已录取, 未录取) in a live season.
 * - Deleted with the account: applications never submitted (drafts) in any season, and withdrawn or rejected ones in
 *   a live season (the family has taken them back), each with its documents, history and checks; the children no
 *   kept application names; messages; the phone number (the account's row keeps a placeholder, so the number may sign
 *   up afresh); the sessions (revoked); the address a consent was given from; the family's binding appeals.
 * - Kept by law: every application of a season that is over and that was submitted at least once, in full (form,
 *   documents, history, placements, objections, property locks) until that season's retention date, after which the
 *   retention purge (`./retention.ts`) deletes its documents and reduces it to what the bureau keeps; the children those
 *   applications name (name and ID number, no longer bound to an account, so a new account may bind them); the
 *   account's row (id, created and deleted dates, a placeholder for the phone); which privacy notice version was
 *   accepted and when; the audit log (with this deletion's entry).
 */
import type { ApplicationStatus } from './application-status';
import { statusNames } from './application-status';

/** With the bureau: in a live season these keep the account. */
export const statusesWithTheBureau: readonly ApplicationStatus[] = [
  'submitted',
  'preliminarily_approved',
  'school_approved',
  'admitted',
  'not_admitted',
];

/** Taken back by the family (or never given): in a live season these go with the account. */
export const statusesTakenBack: readonly ApplicationStatus[] = ['draft', 'withdrawn', 'rejected'];

export interface SeasonFacts {
  retainUntil: Date | null;
  /** The region has published a newer season. */
  superseded: boolean;
}

export function seasonLive(season: SeasonFacts, now: Date): boolean {
  return !season.superseded && (season.retainUntil === null || season.retainUntil.getTime() > now.getTime());
}

export interface HeldApplication {
  id: string;
  number: string;
  status: ApplicationStatus;
  seasonName: string;
  season: SeasonFacts;
}

export type ApplicationFate = 'blocks' | 'deleted' | 'kept';

export function fateOf(application: HeldApplication, now: Date): ApplicationFate {
  if (seasonLive(application.season, now)) return statusesWithTheBureau.includes(application.status) ? 'blocks' : 'deleted';
  return application.status === 'draft' ? 'deleted' : 'kept';
}

export type AccountDeletionPlan =
  | { ok: false; code: 'ACCOUNT_HAS_LIVE_APPLICATION'; message: string }
  | { ok: true; deleted: HeldApplication[]; kept: HeldApplication[] };

/** What deleting the account would do with each application, or why it is refused (naming the first blocking one). */
export function planAccountDeletion(applications: readonly HeldApplication[], now: Date): AccountDeletionPlan {
  const blocking = applications.find((a) => fateOf(a, now) === 'blocks');
  if (blocking) {
    return {
      ok: false,
      code: 'ACCOUNT_HAS_LIVE_APPLICATION',
      message: `报名 ${blocking.number}（${blocking.seasonName}，${statusNames[blocking.status]}）所在的招生季尚未结束，暂不能注销账号；招生季结束后可注销`,
    };
  }
  return {
    ok: true,
    deleted: applications.filter((a) => fateOf(a, now) === 'deleted'),
    kept: applications.filter((a) => fateOf(a, now) === 'kept'),
  };
}
