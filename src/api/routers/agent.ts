import { maskPhone } from '../../domain/masking';
import { agentPhoneInput, endMandateInput, openMandateInput } from '../../schemas/agent';
import { endMandates, listMandates, lookupFamily, openMandate, sendAgentCode } from '../../services/agent/mandates';
import type { Context } from '../context';
import { clearedSessionCookie, sessionCookie } from '../session-cookie';
import { router, staffProcedure } from '../trpc';

const agent = staffProcedure('agent');
const request = (ctx: Context) => ({ ip: ctx.ip, requestId: ctx.requestId });

/**
 * 代办 (decision 032): a desk agent finds or creates a family's account by phone number, opens a mandate (the parent's
 * code read out, or an attested exception with a reason) and gets a parent session for their own browser, so that
 * they fill the family's journey in the parents' own pages; every step taken with it names the agent.
 */
export const agentRouter = router({
  lookup: agent.input(agentPhoneInput).query(({ ctx, input }) => lookupFamily(ctx.deps, ctx.staff, input.phone, request(ctx))),
  sendCode: agent
    .input(agentPhoneInput)
    .mutation(({ ctx, input }) => sendAgentCode(ctx.deps, ctx.staff, input.phone, request(ctx), ctx.afterResponse)),
  open: agent.input(openMandateInput).mutation(async ({ ctx, input }) => {
    const opened = await openMandate(ctx.deps, ctx.staff, input, request(ctx), ctx.afterResponse);
    if (input.session === 'cookie') ctx.setCookie(sessionCookie('parent', opened.token, ctx.secureCookies));
    const token = input.session === 'token' ? opened.token : null;
    return { isNew: opened.isNew, phoneMasked: maskPhone(input.phone), mandate: opened.mandate, token };
  }),
  end: agent.input(endMandateInput).mutation(async ({ ctx, input }) => {
    const ended = await endMandates(ctx.deps, ctx.staff, input, request(ctx));
    ctx.setCookie(clearedSessionCookie('parent', ctx.secureCookies));
    return ended;
  }),
  mandates: agent.query(({ ctx }) => listMandates(ctx.deps, ctx.staff)),
});
