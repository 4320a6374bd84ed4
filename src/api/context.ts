import type { AppDeps } from '../deps';

export type { AppDeps } from '../deps';

/** How the caller presented a session, if at all. */
export interface Credentials {
  token: string | null;
  via: 'cookie' | 'bearer' | null;
}

export type Context = {
  deps: AppDeps;
  requestId: string;
  /** The caller's address as the host reports it; null when unknown. */
  ip: string | null;
  credentials: Credentials;
  /** The staff session presented: the staff cookie or the same bearer token (looked up among staff sessions). */
  staffCredentials: Credentials;
  /** Origin (or Referer) of the request against our own host: true same, false foreign, null not sent. */
  sameOrigin: boolean | null;
  /** Whether cookies must be `Secure` (everywhere except plain http on a loopback host). */
  secureCookies: boolean;
  setCookie(header: string): void;
  /** Takes one of the password checks this HTTP request may run (the batch's calls share them); false when none is left. */
  spendPasswordCheck(): boolean;
  /** Work to do once the answer is on its way (waitUntil at the edge, the next tick under Node). */
  afterResponse(task: () => Promise<unknown>): void;
  /**
   * Declares this call's answer the same for anyone who asks in the next `ms` (public catalog reads, decision 037).
   * The HTTP answer is marked shareable only when every call in it declared so and none failed (`sharedAnswerMs`).
   */
  shareAnswer(ms: number): void;
  /** How long an HTTP answer of `calls` calls may be shared: the least any of them declared; 0 unless all did. */
  sharedAnswerMs(calls: number): number;
};
