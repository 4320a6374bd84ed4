import { DomainError } from '../../domain/errors';
import { assertFamilyItself } from '../../domain/family-only';
import { maskPhone } from '../../domain/masking';
import { changePhoneInput, requestCodeInput, signInInput } from '../../schemas/auth';
import * as auth from '../../services/auth';
import { unreadCount } from '../../services/messages';
import { authenticateParent, revokeSession, type SignedInParent } from '../../services/sessions';
import type { Db } from '../../../db/client';
import { sessionPolicies } from '../../domain/session-policy';
import { clearedSessionCookie, sessionCookie } from '../session-cookie';
import { parentProcedure, publicProcedure, router } from '../trpc';

/** The refusals of a parent's session: to `session`, they mean nobody is signed in. */
const signedOut = sessionPolicies.parent;

async function accountView(db: Db, parent: SignedInParent) {
  return {
    accountId: parent.accountId,
    phone: parent.phone,
    phoneMasked: maskPhone(parent.phone),
    /** 代办模式: an agent at a desk opened this session for the family. */
    byAgent: parent.agent !== null,
    unreadMessages: await unreadCount(db, parent.accountId),
  };
}

export const authRouter = router({
  /** Sends a 6-digit code; `change_phone` sends it to the new number of a signed-in parent. */
  requestCode: publicProcedure.input(requestCodeInput).mutation(async ({ ctx, input }) => {
    let accountId: string | undefined;
    if (input.purpose === 'change_phone') {
      const parent = await authenticateParent(ctx.deps, ctx.credentials.token, ctx.afterResponse);
      assertFamilyItself(parent);
      accountId = parent.accountId;
    }
    return auth.requestCode(ctx.deps, { phone: input.phone, purpose: input.purpose, accountId, ip: ctx.ip }, ctx.afterResponse);
  }),

  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const { token, expiresAt, account } = await auth.signIn(ctx.deps, { ...input, ip: ctx.ip });
    if (input.session === 'cookie') ctx.setCookie(sessionCookie('parent', token, ctx.secureCookies));
    return {
      account: { id: account.id, phone: account.phone, phoneMasked: maskPhone(account.phone), isNew: account.isNew },
      expiresAt: expiresAt.toISOString(),
      token: input.session === 'token' ? token : null,
    };
  }),

  signOut: parentProcedure.mutation(async ({ ctx }) => {
    await revokeSession(ctx.deps, ctx.parent.sessionId);
    ctx.setCookie(clearedSessionCookie('parent', ctx.secureCookies));
    return { signedOut: true as const };
  }),

  /** 个人中心: who is signed in, and the red dot. UNAUTHORIZED when nobody is. */
  me: parentProcedure.query(({ ctx }) => accountView(ctx.deps.db, ctx.parent)),

  /** The same as `me`, or null when nobody is signed in (or the session ended): for pages that only ask. */
  session: publicProcedure.query(async ({ ctx }) => {
    try {
      return await accountView(ctx.deps.db, await authenticateParent(ctx.deps, ctx.credentials.token, ctx.afterResponse));
    } catch (error) {
      if (error instanceof DomainError && (error.code === signedOut.required.code || error.code === signedOut.expired.code)) return null;
      throw error;
    }
  }),

  changePhone: parentProcedure.input(changePhoneInput).mutation(async ({ ctx, input }) => {
    assertFamilyItself(ctx.parent);
    if (input.phone === ctx.parent.phone) throw new DomainError('PHONE_UNCHANGED', '新手机号与当前手机号相同');
    const { phone } = await auth.changePhone(ctx.deps, ctx.parent.accountId, ctx.parent.phone, input, ctx.afterResponse);
    return { phone, phoneMasked: maskPhone(phone) };
  }),
});
