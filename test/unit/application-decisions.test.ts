import { describe, expect, it } from 'vitest';
import type { MissingItem } from '../../src/domain/application-missing';
import {
  decideReview,
  decideSubmit,
  decideWithdraw,
  editRefusal,
  type ReviewState,
  rolesFor,
  type SubmitState,
  type WithdrawState,
} from '../../src/domain/application';
import { type ApplicationStatus, applicationStatuses } from '../../src/domain/application-status';

const window = { opensAt: new Date('2024-07-15T00:00:00+08:00'), closesAt: new Date('2024-07-26T00:00:00+08:00') };
const inside = new Date('2024-07-20T10:00:00+08:00');
const before = new Date('2024-07-14T23:59:00+08:00');
const after = new Date('2024-07-26T00:00:00+08:00');
const facts = { number: 'TJ2024-000123', childName: '李小明' };

const submitState = (over: Partial<SubmitState> = {}): SubmitState => ({
  actor: 'parent',
  status: 'draft',
  version: 4,
  requestedVersion: 4,
  window,
  rejectedAt: null,
  missing: [],
  now: inside,
  ...facts,
  ...over,
});
const withdrawState = (over: Partial<WithdrawState> = {}): WithdrawState => ({
  actor: 'parent',
  status: 'submitted',
  version: 5,
  withdrawCount: 0,
  window,
  now: inside,
  ...facts,
  ...over,
});

describe('decideSubmit', () => {
  it('submits a complete draft inside the window: target status, columns, the version guard and the notice', () => {
    const d = decideSubmit(submitState());
    expect(d).toEqual({
      ok: true,
      from: 'draft',
      to: 'submitted',
      set: { submittedAt: inside, rejectReason: null },
      guard: { version: 4 },
      notice: { title: expect.any(String), body: expect.stringContaining('TJ2024-000123') },
    });
    if (d.ok && !d.repeat) expect(d.notice.body).toContain('李小明');
  });

  it('resubmits from withdrawn and, before the correction deadline, from rejected', () => {
    expect(decideSubmit(submitState({ status: 'withdrawn' }))).toMatchObject({ ok: true, from: 'withdrawn', to: 'submitted' });
    const rejectedAt = new Date('2024-07-25T20:00:00+08:00');
    const twoDaysLater = new Date('2024-07-27T20:00:00+08:00');
    expect(decideSubmit(submitState({ status: 'rejected', rejectedAt, now: twoDaysLater }))).toMatchObject({
      ok: true,
      from: 'rejected',
      to: 'submitted',
    });
  });

  it('answers a repeat of a submission that went through without a change', () => {
    expect(decideSubmit(submitState({ status: 'submitted', version: 5, requestedVersion: 4 }))).toEqual({ ok: true, repeat: true });
  });

  it('refuses a stale version', () => {
    expect(decideSubmit(submitState({ version: 6, requestedVersion: 4 }))).toEqual({
      ok: false,
      code: 'APPLICATION_CHANGED',
      message: '报名信息已在别处更新，请重新预览后再提交',
    });
  });

  it('refuses before the window opens and after it closes', () => {
    for (const now of [before, after]) {
      const d = decideSubmit(submitState({ now }));
      expect(d).toMatchObject({ ok: false, code: 'WINDOW_CLOSED' });
      if (!d.ok) expect(d.message).toContain('报名时间为');
    }
  });

  it('refuses a rejected application after the correction deadline, and before the window opens', () => {
    const rejectedAt = new Date('2024-07-25T20:00:00+08:00');
    expect(decideSubmit(submitState({ status: 'rejected', rejectedAt, now: new Date('2024-07-28T20:00:00+08:00') }))).toEqual({
      ok: false,
      code: 'CORRECTION_DEADLINE_PASSED',
      message: '已超过驳回后的修改期限，不能再修改或提交',
    });
    expect(decideSubmit(submitState({ status: 'rejected', rejectedAt, now: before }))).toMatchObject({ ok: false, code: 'WINDOW_CLOSED' });
  });

  it('refuses an incomplete application with what is missing as data', () => {
    const missing: MissingItem[] = [
      { step: 'schools', field: 'schools', label: '两所志愿学校' },
      { step: 'documents', documentKind: 'hukou', label: '材料：户口簿' },
    ];
    expect(decideSubmit(submitState({ missing }))).toEqual({
      ok: false,
      code: 'APPLICATION_INCOMPLETE',
      message: '还有未完成的内容：两所志愿学校；材料：户口簿',
      fields: { missing: ['两所志愿学校', '材料：户口簿'] },
      missing,
    });
  });

  it('refuses from every state the state machine does not submit from', () => {
    const locked: ApplicationStatus[] = applicationStatuses.filter((s) => !['draft', 'withdrawn', 'rejected'].includes(s));
    for (const status of locked) {
      // A submitted application at the same version is not a repeat: it is locked until withdrawn.
      const d = decideSubmit(submitState({ status }));
      expect(d).toMatchObject({ ok: false, code: 'APPLICATION_LOCKED' });
      if (!d.ok) expect(d.message).toContain(status === 'submitted' ? '请先撤回' : '不能修改');
    }
  });

  it('refuses any actor but the parent', () => {
    for (const actor of ['county_reviewer', 'school_reviewer', 'admin', 'system'] as const) {
      expect(decideSubmit(submitState({ actor }))).toEqual({ ok: false, code: 'STAFF_FORBIDDEN', message: '您的角色无权执行此操作' });
    }
  });
});

describe('decideWithdraw', () => {
  it('withdraws a submitted application: one more withdrawal, guarded by status, version and count', () => {
    const d = decideWithdraw(withdrawState({ withdrawCount: 1 }));
    expect(d).toEqual({
      ok: true,
      from: 'submitted',
      to: 'withdrawn',
      set: { withdrawCount: 2 },
      guard: { version: 5, status: 'submitted', withdrawCountBelow: 2 },
      notice: { title: expect.any(String), body: expect.stringContaining('已撤回') },
    });
  });

  it('refuses the third withdrawal', () => {
    expect(decideWithdraw(withdrawState({ withdrawCount: 2 }))).toEqual({
      ok: false,
      code: 'WITHDRAW_LIMIT',
      message: '每个学生仅有2次撤回机会，已达撤回次数上限',
    });
  });

  it('refuses after the preliminary approval and every later state, and a draft', () => {
    for (const status of ['preliminarily_approved', 'school_approved', 'admitted', 'not_admitted', 'rejected'] as const) {
      const d = decideWithdraw(withdrawState({ status }));
      expect(d).toMatchObject({ ok: false, code: 'WITHDRAW_NOT_ALLOWED' });
      if (!d.ok) expect(d.message).toContain('已不能自主撤回');
    }
    expect(decideWithdraw(withdrawState({ status: 'draft' }))).toEqual({
      ok: false,
      code: 'WITHDRAW_NOT_ALLOWED',
      message: '报名尚未提交，无需撤回',
    });
  });

  it('answers a repeated withdrawal as a change already made', () => {
    expect(decideWithdraw(withdrawState({ status: 'withdrawn' }))).toEqual({
      ok: false,
      code: 'APPLICATION_CHANGED',
      message: '该报名已撤回，请勿重复操作',
    });
  });

  it('refuses outside the window, early or late', () => {
    for (const now of [before, after]) {
      const d = decideWithdraw(withdrawState({ now }));
      expect(d).toMatchObject({ ok: false, code: 'WINDOW_CLOSED' });
      if (!d.ok) expect(d.message).toContain('不能撤回');
    }
  });

  it('refuses any actor but the parent', () => {
    for (const actor of ['county_reviewer', 'school_reviewer', 'admin', 'system'] as const) {
      expect(decideWithdraw(withdrawState({ actor }))).toEqual({ ok: false, code: 'STAFF_FORBIDDEN', message: '您的角色无权执行此操作' });
    }
  });
});

describe('editRefusal', () => {
  it('allows a draft inside the window and refuses it outside', () => {
    expect(editRefusal({ status: 'draft', window, rejectedAt: null, now: inside })).toBeNull();
    expect(editRefusal({ status: 'draft', window, rejectedAt: null, now: after })).toMatchObject({ ok: false, code: 'WINDOW_CLOSED' });
  });

  it('locks a submitted application (withdraw first) and every decided one', () => {
    expect(editRefusal({ status: 'submitted', window, rejectedAt: null, now: inside })).toEqual({
      ok: false,
      code: 'APPLICATION_LOCKED',
      message: '报名当前状态为“审核中”，不能修改；如需修改，请先撤回',
    });
    expect(editRefusal({ status: 'admitted', window, rejectedAt: null, now: inside })).toEqual({
      ok: false,
      code: 'APPLICATION_LOCKED',
      message: '报名当前状态为“已录取”，不能修改',
    });
  });

  it('lets a rejected application be corrected after the window until the correction deadline', () => {
    const rejectedAt = new Date('2024-07-25T20:00:00+08:00');
    expect(editRefusal({ status: 'rejected', window, rejectedAt, now: after })).toBeNull();
    expect(editRefusal({ status: 'rejected', window, rejectedAt, now: new Date('2024-07-28T20:00:01+08:00') })).toMatchObject({
      ok: false,
      code: 'CORRECTION_DEADLINE_PASSED',
    });
  });
});

const county = { kind: 'staff', role: 'county_reviewer', schoolId: null } as const;
const reviewState = (over: Partial<ReviewState> = {}): ReviewState => ({
  action: 'approve',
  decider: county,
  status: 'submitted',
  version: 7,
  firstSchoolId: 'school-1',
  ...facts,
  ...over,
});

describe('decideReview', () => {
  it('approves a submitted application, guarded by version, with an audit entry', () => {
    expect(decideReview(reviewState())).toEqual({
      ok: true,
      from: 'submitted',
      to: 'preliminarily_approved',
      set: {},
      guard: { version: 7 },
      reason: null,
      notice: { title: expect.any(String), body: expect.stringContaining('TJ2024-000123') },
      audit: { action: 'approve', detail: { from: 'submitted', to: 'preliminarily_approved' } },
    });
  });

  it('rejects with the reason, an ID number in it masked; a rejection without a reason is refused', () => {
    const d = decideReview(reviewState({ action: 'reject', reason: ' 户口簿与身份证 430922201801010011 不符 ' }));
    expect(d).toMatchObject({ ok: true, to: 'rejected' });
    if (!d.ok) return;
    expect(d.reason).not.toContain('430922201801010011');
    expect(d.set).toEqual({ rejectReason: d.reason });
    expect(d.audit?.detail).toEqual({ from: 'submitted', to: 'rejected', reason: d.reason });
    expect(decideReview(reviewState({ action: 'reject', reason: '  ' }))).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '驳回须填写原因',
      fields: { reason: ['驳回须填写原因'] },
    });
  });

  it('refuses a role the state machine does not list, and a move from the wrong status', () => {
    expect(decideReview(reviewState({ decider: { kind: 'staff', role: 'school_reviewer', schoolId: 'school-1' } }))).toEqual({
      ok: false,
      code: 'STAFF_FORBIDDEN',
      message: '您的角色无权执行此操作',
    });
    expect(decideReview(reviewState({ status: 'preliminarily_approved' }))).toEqual({
      ok: false,
      code: 'APPLICATION_CHANGED',
      message: '该申请当前状态为“初审通过”，不能执行此操作',
    });
  });

  it('refuses a stale version, and a school decision by the second-choice school', () => {
    expect(decideReview(reviewState({ requestedVersion: 6 }))).toEqual({
      ok: false,
      code: 'APPLICATION_CHANGED',
      message: '该申请已被他人处理',
    });
    const second = { kind: 'staff', role: 'school_reviewer', schoolId: 'school-2' } as const;
    expect(decideReview(reviewState({ action: 'school_approve', status: 'preliminarily_approved', decider: second }))).toMatchObject({
      ok: false,
      code: 'STAFF_FORBIDDEN',
    });
    const first = { kind: 'staff', role: 'school_reviewer', schoolId: 'school-1' } as const;
    expect(decideReview(reviewState({ action: 'school_approve', status: 'preliminarily_approved', decider: first }))).toMatchObject({
      ok: true,
      to: 'school_approved',
    });
  });

  it('lets the system admit without an audit entry', () => {
    expect(decideReview(reviewState({ action: 'admit', status: 'school_approved', decider: { kind: 'system' } }))).toMatchObject({
      ok: true,
      to: 'admitted',
      audit: undefined,
    });
  });
});

describe('rolesFor', () => {
  it('names the staff roles of each review move from the state machine', () => {
    expect(rolesFor('approve').sort()).toEqual(['admin', 'county_reviewer']);
    expect(rolesFor('reject').sort()).toEqual(['admin', 'county_reviewer']);
    expect(rolesFor('school_approve').sort()).toEqual(['admin', 'school_reviewer']);
    expect(rolesFor('school_reject').sort()).toEqual(['admin', 'school_reviewer']);
    expect(rolesFor('submit')).toEqual([]);
  });
});
