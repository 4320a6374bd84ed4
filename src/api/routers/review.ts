import { idNumberRevealers, staffRoleNames } from '../../domain/staff-policy';
import {
  applicationRef,
  auditInput,
  bulkApproveInput,
  decisionInput,
  queueFiltersInput,
  queueInput,
  rejectInput,
  revealInput,
  staffSignInInput,
} from '../../schemas/review';
import { bindingAppealsInput, settleBindingAppealInput } from '../../schemas/review';
import { settleAppeal } from '../../services/binding-appeals/settle';
import { listAppealsForStaff } from '../../services/binding-appeals/views';
import { readAudit } from '../../services/audit';
import { bulkApprove, decide, type Decision } from '../../services/review/decide';
import { recheck, reviewDetail, revealIdNumber, reviewStats } from '../../services/review/detail';
import { revealParentPhone } from '../../services/review/reveal-phone';
import { exportQueue } from '../../services/review/export';
import { confirmedList } from '../../services/placement/confirmed-list';
import { demandColumns } from '../../services/placement/demand-columns';
import { confirmedListInput } from '../../schemas/placement';
import { type QueueFilters, reviewQueue } from '../../services/review/queue';
import { revokeStaffSession, type SignedInStaff } from '../../services/staff/sessions';
import { staffSignIn } from '../../services/staff/sign-in';
import { rolesFor } from '../../domain/application';
import { DomainError } from '../../domain/errors';
import type { Context } from '../context';
import { clearedSessionCookie, sessionCookie } from '../session-cookie';
import { publicProcedure, router, staffProcedure } from '../trpc';

const reviewers = ['admin', 'county_reviewer', 'school_reviewer'] as const;

const dates = <T extends { submittedFrom?: string; submittedTo?: string }>(
  f: T,
): Omit<T, 'submittedFrom' | 'submittedTo'> & QueueFilters => ({
  ...f,
  submittedFrom: f.submittedFrom ? new Date(f.submittedFrom) : undefined,
  submittedTo: f.submittedTo ? new Date(f.submittedTo) : undefined,
});

const request = (ctx: Context) => ({ ip: ctx.ip, requestId: ctx.requestId });
const asStaff = (ctx: Context & { staff: SignedInStaff }) => ({ kind: 'staff' as const, member: ctx.staff, ...request(ctx) });

/** Who may decide is the state machine's answer (`moves[action].by`), not a list kept here. */
function decision(action: Decision) {
  const roles = rolesFor(action);
  // No roles would mean "any staff member": a move no staff may make must not become one every staff member may.
  if (roles.length === 0) throw new Error(`no staff role may ${action}`);
  return staffProcedure(...roles)
    .input(action.endsWith('reject') ? rejectInput : decisionInput)
    .mutation(({ ctx, input }) => decide(ctx.deps, asStaff(ctx), { ...input, action }, ctx.afterResponse));
}

/** The staff route: reviewers at the bureau and schools, administrators. Every procedure checks role and scope. */
export const reviewRouter = router({
  signIn: publicProcedure.input(staffSignInInput).mutation(async ({ ctx, input }) => {
    // A batch of sign-ins in one request gets one password check: no single request takes more than its share.
    if (!ctx.spendPasswordCheck()) throw new DomainError('RATE_LIMITED', '一次请求只能尝试登录一次，请稍后再试', undefined, 1);
    const { token, staff } = await staffSignIn(ctx.deps, { ...input, ...request(ctx) });
    if (input.session === 'cookie') ctx.setCookie(sessionCookie('staff', token, ctx.secureCookies));
    return { staff: { ...staff, roleName: staffRoleNames[staff.role] }, token: input.session === 'token' ? token : null };
  }),
  signOut: staffProcedure().mutation(async ({ ctx }) => {
    await revokeStaffSession(ctx.deps, ctx.staff.sessionId);
    ctx.setCookie(clearedSessionCookie('staff', ctx.secureCookies));
    return { signedOut: true as const };
  }),
  me: staffProcedure().query(({ ctx }) => ({ ...ctx.staff, roleName: staffRoleNames[ctx.staff.role], sessionId: undefined })),

  queue: staffProcedure(...reviewers)
    .input(queueInput)
    .query(({ ctx, input }) => reviewQueue(ctx.deps.db, ctx.staff, dates(input))),
  get: staffProcedure(...reviewers)
    .input(applicationRef)
    .query(({ ctx, input }) => reviewDetail(ctx.deps.db, ctx.staff, input.applicationId, ctx.deps.clock.now(), request(ctx))),
  stats: staffProcedure(...reviewers).query(({ ctx }) => reviewStats(ctx.deps.db, ctx.staff)),
  /** 录取名单: the applications placed at a school with 确认入学; a school reviewer, their own school; audited. */
  confirmedList: staffProcedure(...reviewers)
    .input(confirmedListInput)
    .query(({ ctx, input }) => confirmedList(ctx.deps, ctx.staff, input, request(ctx))),
  /** 学位预警's pickers: the published seasons with their entry-and-grade columns (a school reviewer, where their school has places). */
  demandColumns: staffProcedure(...reviewers).query(({ ctx }) => demandColumns(ctx.deps.db, ctx.staff)),

  /** 初审通过 (county): from then on the parent can no longer withdraw. */
  approve: decision('approve'),
  /** 驳回 with a reason (county). */
  reject: decision('reject'),
  /** 学校审核通过 / 驳回 (the school named by the application). */
  schoolApprove: decision('school_approve'),
  schoolReject: decision('school_reject'),

  /** 批量初审通过: a result per application; one failure does not stop the others. */
  bulkApprove: staffProcedure(...rolesFor('approve'))
    .input(bulkApproveInput)
    .mutation(({ ctx, input }) => bulkApprove(ctx.deps, asStaff(ctx), input.applicationIds, ctx.afterResponse)),

  revealId: staffProcedure(...idNumberRevealers)
    .input(revealInput)
    .mutation(({ ctx, input }) => revealIdNumber(ctx.deps, ctx.staff, input, request(ctx))),

  /** The parent's full phone number, to call them (audited; the detail shows it masked). */
  revealPhone: staffProcedure(...reviewers)
    .input(applicationRef)
    .mutation(({ ctx, input }) => revealParentPhone(ctx.deps, ctx.staff, input, request(ctx))),

  /** 重新查验: runs the system checks again now (audited). */
  recheck: staffProcedure(...reviewers)
    .input(applicationRef)
    .mutation(({ ctx, input }) => recheck(ctx.deps, ctx.staff, input.applicationId, request(ctx))),

  export: staffProcedure(...reviewers)
    .input(queueFiltersInput.default({}))
    .mutation(({ ctx, input }) => exportQueue(ctx.deps, ctx.staff, dates(input), request(ctx))),

  /** 绑定申诉 waiting for staff (or settled ones): the county and administrators. */
  bindingAppeals: staffProcedure('admin', 'county_reviewer')
    .input(bindingAppealsInput)
    .query(({ ctx, input }) => listAppealsForStaff(ctx.deps.db, input)),
  settleBindingAppeal: staffProcedure('admin', 'county_reviewer')
    .input(settleBindingAppealInput)
    .mutation(({ ctx, input }) => settleAppeal(ctx.deps, ctx.staff, input, request(ctx), ctx.afterResponse)),

  audit: staffProcedure('admin')
    .input(auditInput)
    .query(({ ctx, input }) =>
      readAudit(ctx.deps.db, {
        ...input,
        from: input.from ? new Date(input.from) : undefined,
        to: input.to ? new Date(input.to) : undefined,
        before: input.before ? new Date(input.before) : undefined,
      }),
    ),
});
