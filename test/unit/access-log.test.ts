import { describe, expect, it } from 'vitest';
import { accessActionName, accessActorName } from '../../src/domain/access-log';

describe('查阅记录 labels', () => {
  it('names the role recorded with the entry', () => {
    expect(accessActorName({ keyId: null, recordedRole: 'school_reviewer', currentRole: 'admin' })).toBe('学校审核员');
  });
  it('falls back to the role the staff member has now for an entry written before roles were recorded', () => {
    expect(accessActorName({ keyId: null, recordedRole: null, currentRole: 'county_reviewer' })).toBe('教育局审核员');
  });
  it('says 工作人员 when the role cannot be told', () => {
    expect(accessActorName({ keyId: null, recordedRole: null, currentRole: null })).toBe('工作人员');
    expect(accessActorName({ keyId: null, recordedRole: 'retired_role', currentRole: null })).toBe('工作人员');
  });
  it('names a system that read through a key 对接系统', () => {
    expect(accessActorName({ keyId: 'k1', recordedRole: 'key', currentRole: null })).toBe('对接系统');
  });
  it('names a system by its key name when the entry has it', () => {
    expect(accessActorName({ keyId: 'k1', keyName: '学籍系统', recordedRole: 'key', currentRole: null })).toBe('系统「学籍系统」');
  });
  it('says what was done in words', () => {
    expect(accessActionName('view')).toBe('查看报名详情');
    expect(accessActionName('reveal_id')).toBe('查看完整证件号码');
    expect(accessActionName('export_row')).toBe('导出（报名数据）');
    expect(accessActionName('school_reject')).toBe('学校审核驳回');
    expect(accessActionName('placement_assign')).toBe('安排学位');
    expect(accessActionName('something_new')).toBe('访问报名');
  });
});
