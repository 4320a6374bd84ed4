import { describe, expect, it } from 'vitest';
import {
  type ChannelState,
  decideChannel,
  decideEdit,
  decideSchools,
  type EditFacts,
  editGuard,
  type SchoolFacts,
  type SchoolsState,
} from '../../src/domain/application-edit';
import { residentId } from '../helpers/identity';

const window = { opensAt: new Date('2024-07-15T00:00:00+08:00'), closesAt: new Date('2024-07-26T00:00:00+08:00') };
const inside = new Date('2024-07-20T10:00:00+08:00');
const after = new Date('2024-07-26T00:00:00+08:00');
const editable = { accountId: 'account-1', statusIn: ['draft', 'withdrawn', 'rejected'] };

const facts = (over: Partial<EditFacts> = {}): EditFacts => ({
  status: 'draft',
  accountId: 'account-1',
  window,
  rejectedAt: null,
  now: inside,
  ...over,
});

describe('decideEdit', () => {
  it('lets the parent edit a draft inside the window, guarded by the account and the editable states', () => {
    expect(decideEdit(facts())).toEqual({ ok: true, guard: editable });
    expect(editGuard('account-1')).toEqual(editable);
  });

  it('lets a withdrawn application be edited, and a rejected one after the window until the correction deadline', () => {
    expect(decideEdit(facts({ status: 'withdrawn' }))).toMatchObject({ ok: true });
    const rejectedAt = new Date('2024-07-25T20:00:00+08:00');
    expect(decideEdit(facts({ status: 'rejected', rejectedAt, now: after }))).toMatchObject({ ok: true });
    expect(decideEdit(facts({ status: 'rejected', rejectedAt, now: new Date('2024-07-28T20:00:01+08:00') }))).toEqual({
      ok: false,
      code: 'CORRECTION_DEADLINE_PASSED',
      message: '已超过驳回后的修改期限，不能再修改或提交',
    });
  });

  it('locks a submitted application until it is withdrawn, and every decided one', () => {
    expect(decideEdit(facts({ status: 'submitted' }))).toEqual({
      ok: false,
      code: 'APPLICATION_LOCKED',
      message: '报名当前状态为“审核中”，不能修改；如需修改，请先撤回',
    });
    for (const status of ['preliminarily_approved', 'school_approved', 'admitted', 'not_admitted'] as const) {
      expect(decideEdit(facts({ status }))).toMatchObject({ ok: false, code: 'APPLICATION_LOCKED' });
    }
  });

  it('refuses a draft outside the window with the window dates', () => {
    const d = decideEdit(facts({ now: after }));
    expect(d).toMatchObject({ ok: false, code: 'WINDOW_CLOSED' });
    if (!d.ok) expect(d.message).toContain('报名时间为');
  });
});

const channelState = (over: Partial<ChannelState> = {}): ChannelState => ({
  ...facts(),
  entryId: 'entry-1',
  grade: 1,
  trackId: null,
  channelId: null,
  channel: { channelId: 'channel-1', trackId: 'track-1', entryId: 'entry-1', gradeMin: 1, gradeMax: 1, enabled: true },
  ...over,
});

describe('decideChannel', () => {
  it('chooses a channel of the entry that takes the grade, keeping the schools of the same track', () => {
    expect(decideChannel(channelState({ trackId: 'track-1' }))).toEqual({
      ok: true,
      guard: editable,
      set: { channelId: 'channel-1', trackId: 'track-1' },
    });
  });

  it('clears the chosen schools when the channel belongs to another track', () => {
    expect(decideChannel(channelState({ trackId: 'track-0' }))).toMatchObject({
      ok: true,
      set: { channelId: 'channel-1', trackId: 'track-1', firstSchoolId: null, secondSchoolId: null },
    });
  });

  it('refuses a channel of another entry, an unknown one, and one for other grades', () => {
    const notHere = { ok: false, code: 'CHANNEL_NOT_FOUND', message: '该报名通道不属于此报名入口' };
    expect(decideChannel(channelState({ entryId: 'entry-2' }))).toEqual(notHere);
    expect(decideChannel(channelState({ channel: null }))).toEqual(notHere);
    expect(decideChannel(channelState({ grade: 7 }))).toEqual({
      ok: false,
      code: 'CHANNEL_NOT_FOUND',
      message: '该报名通道不适用于所报年级',
    });
  });

  it('refuses a disabled channel, except to an application already in it', () => {
    const disabled = { channelId: 'channel-1', trackId: 'track-1', entryId: 'entry-1', gradeMin: 1, gradeMax: 1, enabled: false };
    expect(decideChannel(channelState({ channel: disabled }))).toEqual({
      ok: false,
      code: 'CHANNEL_DISABLED',
      message: '该报名通道已停用，请选择其他通道',
    });
    expect(decideChannel(channelState({ channel: disabled, channelId: 'channel-1', trackId: 'track-1' }))).toMatchObject({ ok: true });
  });

  it('refuses while the application is not editable', () => {
    expect(decideChannel(channelState({ status: 'submitted' }))).toMatchObject({ ok: false, code: 'APPLICATION_LOCKED' });
  });
});

const school = (id: string, over: Partial<SchoolFacts> = {}): SchoolFacts => ({
  id,
  name: `${id}学校`,
  level: 'primary',
  servesCommunity: true,
  ...over,
});
const sibling = residentId('20150101', '003');
const schoolsState = (over: Partial<SchoolsState> = {}): SchoolsState => ({
  ...facts(),
  level: 'primary',
  community: '桃花江社区',
  firstSchoolId: 'a',
  secondSchoolId: 'b',
  schools: [school('a'), school('b')],
  sibling: null,
  siblingIsChild: false,
  today: '2024-07-20',
  ...over,
});
const fieldRefusal = (field: string, message: string) => ({ ok: false, code: 'INVALID_INPUT', message, fields: { [field]: [message] } });

describe('decideSchools', () => {
  it('chooses two different schools of the level that serve the community, guarded like any edit', () => {
    expect(decideSchools(schoolsState())).toEqual({
      ok: true,
      guard: editable,
      set: { firstSchoolId: 'a', secondSchoolId: 'b', sibling: null },
      siblingIdNumber: null,
    });
  });

  it('records sibling priority with the ID number masked, and hands the number back only for sealing', () => {
    const d = decideSchools(schoolsState({ sibling: { idNumber: sibling.toLowerCase(), schoolId: 'b', remark: '哥哥在读三年级' } }));
    expect(d).toMatchObject({
      ok: true,
      set: { sibling: { idMasked: `${sibling.slice(0, 6)}********${sibling.slice(14)}`, schoolId: 'b', remark: '哥哥在读三年级' } },
      siblingIdNumber: sibling,
    });
  });

  it('asks for a channel first, then the community', () => {
    expect(decideSchools(schoolsState({ level: null }))).toEqual({ ok: false, code: 'CHANNEL_NOT_FOUND', message: '请先选择报名通道' });
    expect(decideSchools(schoolsState({ community: null }))).toEqual(fieldRefusal('community', '请先填写居住社区，再选择学校'));
  });

  it('refuses the same school twice', () => {
    expect(decideSchools(schoolsState({ secondSchoolId: 'a' }))).toEqual(fieldRefusal('secondSchoolId', '请选择两所不同的学校'));
  });

  it('refuses a school not found in the region, naming the field', () => {
    expect(decideSchools(schoolsState({ schools: [school('a')] }))).toEqual({
      ok: false,
      code: 'SCHOOL_NOT_FOUND',
      message: '找不到所选学校',
      fields: { secondSchoolId: ['找不到所选学校'] },
    });
  });

  it('refuses a school of another level and one whose 招生范围 leaves out the community', () => {
    expect(decideSchools(schoolsState({ schools: [school('a', { level: 'junior' }), school('b')] }))).toEqual(
      fieldRefusal('firstSchoolId', 'a学校不招收小学学生'),
    );
    expect(decideSchools(schoolsState({ schools: [school('a'), school('b', { servesCommunity: false })] }))).toEqual(
      fieldRefusal('secondSchoolId', 'b学校的招生范围不包括桃花江社区'),
    );
  });

  it('refuses an invalid sibling ID number, the child’s own, and a sibling school outside the two', () => {
    const withSibling = (over: Partial<NonNullable<SchoolsState['sibling']>> = {}, state: Partial<SchoolsState> = {}) =>
      decideSchools(schoolsState({ sibling: { idNumber: sibling, schoolId: 'a', remark: '', ...over }, ...state }));
    expect(withSibling({ idNumber: '' })).toEqual(fieldRefusal('sibling.idNumber', '请填写证件号码'));
    expect(withSibling({}, { siblingIsChild: true })).toEqual(fieldRefusal('sibling.idNumber', '请填写兄姐的身份证号码，而不是孩子本人的'));
    expect(withSibling({ schoolId: 'c' })).toEqual(fieldRefusal('sibling.schoolId', '兄姐就读的学校须为所填报的两所学校之一'));
  });

  it('refuses while the application is not editable, before any school rule', () => {
    expect(decideSchools(schoolsState({ status: 'submitted', level: null }))).toMatchObject({ ok: false, code: 'APPLICATION_LOCKED' });
  });
});
