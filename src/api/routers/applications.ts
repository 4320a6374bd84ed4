import {
  applicationInput,
  chooseChannelInput,
  chooseSchoolsInput,
  formPatchOf,
  precheckInput,
  revealOwnInput,
  saveInput,
  startInput,
  submitInput,
} from '../../schemas/applications';
import { entryInput } from '../../schemas/catalog';
import { childrenFit } from '../../services/applications/child-fit';
import { discardDraft } from '../../services/applications/discard';
import { chooseChannel, chooseSchools, saveDraft } from '../../services/applications/edit';
import { startApplication } from '../../services/applications/start';
import { revealOwnIdNumber } from '../../services/applications/reveal-own';
import { precheck } from '../../services/precheck';
import { submitApplication, withdrawApplication } from '../../services/applications/submit';
import { applicationProgress, getApplication, listApplications } from '../../services/applications/view';
import { accessLog } from '../../services/applications/access-log';
import { confirmSeatInput, fileObjectionInput } from '../../schemas/placement';
import { fileObjection } from '../../services/placement/objections';
import { confirmSeat } from '../../services/placement/seat-confirmation';
import { parentProcedure, router } from '../trpc';

/** The parent's journey: entry → child → declaration → channel → form → documents → schools → preview → submit. */
export const applicationsRouter = router({
  list: parentProcedure.query(({ ctx }) => listApplications(ctx.deps.db, ctx.parent.accountId, ctx.deps.clock.now())),
  get: parentProcedure
    .input(applicationInput)
    .query(({ ctx, input }) => getApplication(ctx.deps.db, ctx.parent.accountId, input.applicationId, ctx.deps.clock.now())),
  /** When the child is picked: which children may start in this entry, and in words why not (age, 已有报名, window). */
  childrenFit: parentProcedure
    .input(entryInput)
    .query(({ ctx, input }) => childrenFit(ctx.deps.db, ctx.parent.accountId, input.entryId, ctx.deps.clock.now())),
  /** 通道预查: which channels the records suggest, before the parent chooses (any channel stays open). */
  precheck: parentProcedure.input(precheckInput).mutation(({ ctx, input }) => precheck(ctx.deps, ctx.parent.accountId, input, ctx.ip)),
  start: parentProcedure.input(startInput).mutation(({ ctx, input }) => startApplication(ctx.deps, ctx.parent.accountId, input)),
  chooseChannel: parentProcedure
    .input(chooseChannelInput)
    .mutation(({ ctx, input }) => chooseChannel(ctx.deps, ctx.parent.accountId, input)),
  save: parentProcedure
    .input(saveInput)
    .mutation(({ ctx, input }) =>
      saveDraft(ctx.deps, ctx.parent.accountId, { applicationId: input.applicationId, patch: formPatchOf(input.fields) }),
    ),
  chooseSchools: parentProcedure
    .input(chooseSchoolsInput)
    .mutation(({ ctx, input }) => chooseSchools(ctx.deps, ctx.parent.accountId, input)),
  submit: parentProcedure
    .input(submitInput)
    .mutation(({ ctx, input }) => submitApplication(ctx.deps, ctx.parent.accountId, input, ctx.afterResponse, ctx.parent.agent?.staffId)),
  /** 删除草稿: a never-submitted application and its uploads, e.g. one started in the wrong entry. */
  discardDraft: parentProcedure.input(applicationInput).mutation(({ ctx, input }) => discardDraft(ctx.deps, ctx.parent.accountId, input)),
  /** An ID number the parent typed, in full, to check it (the pages show it masked; audited). */
  revealId: parentProcedure
    .input(revealOwnInput)
    .mutation(({ ctx, input }) => revealOwnIdNumber(ctx.deps, ctx.parent, input, { ip: ctx.ip, requestId: ctx.requestId })),
  withdraw: parentProcedure
    .input(applicationInput)
    .mutation(({ ctx, input }) => withdrawApplication(ctx.deps, ctx.parent.accountId, input, ctx.afterResponse, ctx.parent.agent?.staffId)),
  /** 异议 to the published placement, during 公示. */
  fileObjection: parentProcedure
    .input(fileObjectionInput)
    .mutation(({ ctx, input }) => fileObjection(ctx.deps, ctx.parent.accountId, input)),
  /** 确认入学 (or give the seat up) before the deadline, once. */
  confirmSeat: parentProcedure.input(confirmSeatInput).mutation(({ ctx, input }) => confirmSeat(ctx.deps, ctx.parent.accountId, input)),
  progress: parentProcedure
    .input(applicationInput)
    .query(({ ctx, input }) => applicationProgress(ctx.deps.db, ctx.parent.accountId, input.applicationId, ctx.deps.clock.now())),
  /** 查阅记录: each time staff opened, revealed, exported or decided on the application (role and school, time). */
  accessLog: parentProcedure
    .input(applicationInput)
    .query(({ ctx, input }) => accessLog(ctx.deps.db, ctx.parent.accountId, input.applicationId)),
});
