import { describe, expect, it } from 'vitest';
import { objectionDocumentRefusal } from '../../src/domain/placement/objection-documents';

const now = new Date('2024-08-21T01:00:00Z');
const later = new Date('2024-08-25T01:00:00Z');

describe('objectionDocumentRefusal', () => {
  it('lets a family add files to an open objection while 公示 runs', () => {
    expect(objectionDocumentRefusal({ status: 'open', publicityEndsAt: later, filed: 3 }, now)).toBeNull();
  });

  it('refuses once the objection is decided, whatever the period', () => {
    for (const status of ['upheld', 'dismissed'] as const) {
      expect(objectionDocumentRefusal({ status, publicityEndsAt: later, filed: 0 }, now)).toEqual({
        code: 'OBJECTION_DOCUMENTS_CLOSED',
        message: '异议已处理，不能再补充材料',
      });
    }
  });

  it('refuses at the instant 公示 ends, and when it never opened', () => {
    for (const publicityEndsAt of [now, null]) {
      expect(objectionDocumentRefusal({ status: 'open', publicityEndsAt, filed: 0 }, now)?.message).toBe(
        '公示期已结束，不能再补充异议材料',
      );
    }
  });

  it('refuses a fifth file', () => {
    expect(objectionDocumentRefusal({ status: 'open', publicityEndsAt: later, filed: 4 }, now)).toEqual({
      code: 'DOCUMENT_LIMIT',
      message: '异议材料最多上传4个文件',
    });
  });
});
