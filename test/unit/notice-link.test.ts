import { describe, expect, it } from 'vitest';
import { applicationNoticeKey, noticeLink } from '../../src/domain/notices';

describe('the page a message opens', () => {
  it("is the application's 报名进度 for every notice of an application's change", () => {
    expect(noticeLink(applicationNoticeKey('izpc2ids645n5orgixee', 3))).toBe('/applications/izpc2ids645n5orgixee/progress');
  });

  it('is 我的孩子 (with 我的申诉) for both families of a binding appeal', () => {
    expect(noticeLink('appeal:k2j3h4g5f6d7s8a9q2w3:filed:claimant')).toBe('/me/children');
    expect(noticeLink('appeal:k2j3h4g5f6d7s8a9q2w3:settled:holder')).toBe('/me/children');
  });

  it('is none for a welcome or a phone change, which only inform', () => {
    expect(noticeLink('welcome:k2j3h4g5f6d7s8a9q2w3')).toBeNull();
    expect(noticeLink('phone-changed:k2j3h4g5f6d7s8a9q2w3')).toBeNull();
  });
});
