import { DomainError } from '../domain/errors';
import type { Credentials } from './context';

const pages = { parent: '请求来源不受信任，请从报名平台页面操作', staff: '请求来源不受信任，请从审核系统页面操作' } as const;

/**
 * The one Origin rule of writes (CSRF, login CSRF): a foreign page's write is always refused; a write carried by a
 * session cookie must also prove it comes from our own page (`Origin`/`Referer` sent and ours). Reads pass.
 * `via` is how the session was presented; null checks only the foreign page (before the session is known).
 */
export function assertTrustedOrigin(
  write: boolean,
  sameOrigin: boolean | null,
  via: Credentials['via'],
  page: keyof typeof pages = 'parent',
): void {
  if (!write) return;
  if (sameOrigin === false || (via === 'cookie' && sameOrigin !== true)) throw new DomainError('UNTRUSTED_ORIGIN', pages[page]);
}
