import { describe, expect, it } from 'vitest';
import { applicationNoticeKey, noticeLink, smsText, statusNotice } from '../../src/domain/notices';

describe('the page a message opens', () => {
  it("is the application's 报名进度 for every notice of an application's change", () => {
    expect(noticeLink(applicationNoticeKey('izpc2ids645n5orgixee', 3))).toBe('/applications/izpc2ids645n5orgixee/progress');
  });

  it('is 我的孩子 (with 我的申诉) for both families of a binding appeal', () => {
    expect(noticeLink('appeal:k2j3h4g5f6d7s8a9q2w3:filed:claimant')).toBe('/me/children');
    expect(noticeLink('appeal:k2j3h4g5f6d7s8a9q2w3:settled:holder')).toBe('/me/children');
  });

  it("is the family's 报名进度 list for a window extended while it has an unfinished application", () => {
    expect(noticeLink('window:k2j3h4g5f6d7s8a9q2w3:v2:a2b3c4d5e6f7g2h3j4k5')).toBe('/applications');
  });

  it('is none for a welcome or a phone change, which only inform', () => {
    expect(noticeLink('welcome:k2j3h4g5f6d7s8a9q2w3')).toBeNull();
    expect(noticeLink('phone-changed:k2j3h4g5f6d7s8a9q2w3')).toBeNull();
  });
});

describe('the link an SMS carries', () => {
  const path = noticeLink(applicationNoticeKey('izpc2ids645n5orgixee', 3));
  const rejected = statusNotice('rejected', { number: 'TH24-1-7K3M9Q', childName: '李小明', reason: '照片不清晰' }).body;

  it("ends a rejection's or a withdrawal's SMS with the application's 报名进度 on the platform's public address", () => {
    expect(smsText(rejected, 'rejected', 'https://bm.tjedu.example', path)).toBe(
      `${rejected}查看：https://bm.tjedu.example/applications/izpc2ids645n5orgixee/progress `,
    );
    expect(smsText('已撤回。', 'withdrawn', 'https://bm.tjedu.example', path)).toContain('/applications/izpc2ids645n5orgixee/progress');
  });

  it('is left out where the family has nothing to do, or no public address is configured', () => {
    expect(smsText('已提交成功。', 'submitted', 'https://bm.tjedu.example', path)).toBe('已提交成功。');
    expect(smsText(rejected, 'rejected', undefined, path)).toBe(rejected);
  });
});
