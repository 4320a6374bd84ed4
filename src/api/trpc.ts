import { initTRPC, TRPCError } from '@trpc/server';
import * as z from 'zod';
import { DomainError } from '../domain/errors';
import { type IntegrationScope, requireScope } from '../domain/integration-key';
import type { StaffRoleCode } from '../domain/staff-policy';
import { authenticateIntegrationKey } from '../services/integration/authenticate';
import { recordAgentStep } from '../services/agent-steps';
import { authenticateParent } from '../services/sessions';
import { authenticateStaff } from '../services/staff/sessions';
import type { Context } from './context';
import { databaseUnavailableMessage, isDatabaseUnavailable, publicMessage, toTRPCError } from './errors';
import { assertTrustedOrigin } from './origin';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const validation = cause instanceof z.ZodError ? z.flattenError(cause) : null;
    const domain = cause instanceof DomainError ? cause : null;
    const message = publicMessage(error, shape.message, validation ? ((cause as z.ZodError).issues[0]?.message ?? null) : undefined);
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        domainCode: domain?.code ?? null,
        fieldErrors: validation?.fieldErrors ?? domain?.fields ?? null,
        formErrors: validation?.formErrors ?? null,
        retryAfterSeconds: domain?.retryAfterSeconds ?? null,
        missing: domain?.missing ?? null,
        existing: domain?.existing ?? null,
        rowErrors: domain?.rows ?? null,
      },
    };
  },
});

/** Turns a rule's DomainError into its transport code, so services never import tRPC. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  if (!result.ok && isDatabaseUnavailable(result.error.cause)) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: databaseUnavailableMessage, cause: result.error.cause });
  }
  return result;
});

/** A browser never sends a foreign Origin for our own pages' writes: refuse it (CSRF, login CSRF). */
const foreignOrigin = t.middleware(({ ctx, type, next }) => {
  assertTrustedOrigin(type === 'mutation', ctx.sameOrigin, null);
  return next();
});

export const router = t.router;
/** The error formatter and transformer every router shares (errors raised in front of tRPC use it too). */
export const trpcConfig = t._config;
export const publicProcedure = t.procedure.use(domainErrors).use(foreignOrigin);

/**
 * A signed-in parent. Cookie sessions must also prove the write comes from our own page (Origin). A write taken with
 * a session an agent opened (代办) is recorded in the agent's name.
 */
export const parentProcedure = publicProcedure.use(async ({ ctx, type, path, getRawInput, next }) => {
  const parent = await authenticateParent(ctx.deps, ctx.credentials.token, ctx.afterResponse);
  assertTrustedOrigin(type === 'mutation', ctx.sameOrigin, ctx.credentials.via);
  const result = await next({ ctx: { ...ctx, parent } });
  if (parent.agent && type === 'mutation' && result.ok) {
    await recordAgentStep(ctx.deps, parent, {
      name: path,
      input: await getRawInput(),
      output: result.data,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
  }
  return result;
});

/**
 * A signed-in staff member with one of `roles` (any role when none is given). Scope within a role (a school
 * reviewer's own school) is checked by the services, which know the application. After an administrator's change
 * (only administrators change the public catalog) this host drops its copy of the catalog, in every process of it
 * before the answer leaves, so that parents on this host see it at once (other hosts within `catalogFreshMs`);
 * reviewers' decisions, the bulk of staff writes in a season, leave it alone.
 */
export const staffProcedure = (...roles: StaffRoleCode[]) =>
  publicProcedure.use(async ({ ctx, type, next }) => {
    const member = await authenticateStaff(ctx.deps, ctx.staffCredentials.token, ctx.afterResponse);
    if (roles.length > 0 && !roles.includes(member.role)) throw new DomainError('STAFF_FORBIDDEN', '您的角色无权执行此操作');
    assertTrustedOrigin(type === 'mutation', ctx.sameOrigin, ctx.staffCredentials.via, 'staff');
    if (type !== 'mutation' || member.role !== 'admin') return next({ ctx: { ...ctx, staff: member } });
    try {
      return await next({ ctx: { ...ctx, staff: member } });
    } finally {
      await ctx.deps.catalog.forget();
    }
  });

/**
 * A system with an integration key (`Authorization: Bearer ik_…`) that holds `scope` (any valid key without one). Sessions (cookie or bearer)
 * are not keys: they are refused here, as keys are refused by parents' and staff procedures (their lookups find no
 * session for a key). What a key may touch within its scope (its school) is checked by the services.
 */
export const integrationProcedure = (scope?: IntegrationScope) =>
  publicProcedure.use(async ({ ctx, next }) => {
    const token = ctx.credentials.via === 'bearer' ? ctx.credentials.token : null;
    const key = await authenticateIntegrationKey(ctx.deps, token);
    if (scope) requireScope(key, scope);
    return next({ ctx: { ...ctx, key } });
  });

export { TRPCError };
