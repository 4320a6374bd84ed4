import { describe, expect, it } from 'vitest';
import { decideReview, type ReviewState } from '../../src/domain/application';
import {
  changesSinceRejection,
  checkFaults,
  duplicateFiles,
  faultChoices,
  fixStep,
  type RejectedState,
  rejectedState,
} from '../../src/domain/rejection';

const channel = {
  code: 'hukou',
  documents: [
    { kind: 'hukou-book', name: '户口簿' },
    { kind: 'birth-certificate', name: '出生医学证明' },
  ],
};
const form = {
  fatherName: '李大明',
  fatherIdNumber: { masked: '430922********0011', sealed: 'seal-1' },
  community: '城东社区',
};

const state = (over: Partial<RejectedState> = {}): RejectedState => ({
  channelId: 'ch-1',
  form: { fatherName: '李大明', fatherIdNumber: '430922********0011' },
  seals: { fatherIdNumber: 'seal-1' },
  community: '城东社区',
  firstSchoolId: 's1',
  secondSchoolId: 's2',
  documents: [
    { id: 'd1', kind: 'hukou-book', side: null, sha256: 'aa' },
    { id: 'd2', kind: 'birth-certificate', side: null, sha256: 'bb' },
  ],
  ...over,
});

describe('faults a reviewer may mark', () => {
  it('offers the fields of the channel form and the documents the channel asks for, with the sibling proofs when claimed', () => {
    const choices = faultChoices('grade1', channel, form, false);
    expect(choices.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['fatherName', 'hukouRegisteredOn', 'hukouAddress']));
    expect(choices.documents.map((d) => d.kind)).toEqual(['hukou-book', 'birth-certificate']);
    expect(faultChoices('grade1', channel, form, true).documents.map((d) => d.kind)).toContain('sibling-hukou');
    expect(faultChoices('grade1', null, form, false)).toEqual({ fields: [], documents: [] });
  });

  it('accepts the application’s own fields and documents, dropping repeats', () => {
    expect(
      checkFaults({ fields: ['fatherName', 'fatherName'], documents: ['hukou-book'] }, faultChoices('grade1', channel, form, false)),
    ).toEqual({
      ok: true,
      faults: { fields: ['fatherName'], documents: ['hukou-book'] },
    });
  });

  it('refuses a field the channel form does not have, or a document it does not ask for, with a zh-CN message', () => {
    const choices = faultChoices('grade1', channel, form, false);
    expect(checkFaults({ fields: ['licenceNumber'], documents: [] }, choices)).toMatchObject({
      ok: false,
      message: '所选的问题项不属于该报名的表单',
    });
    expect(checkFaults({ fields: [], documents: ['sibling-hukou'] }, choices)).toMatchObject({
      ok: false,
      message: '所选的问题材料不属于该报名所需的材料',
    });
  });
});

describe('the step a rejection opens first', () => {
  it('is the first step in the journey that a fault concerns, else the channel', () => {
    expect(fixStep(null)).toBe('channel');
    expect(fixStep({ fields: [], documents: [] })).toBe('channel');
    expect(fixStep({ fields: [], documents: ['hukou-book'] })).toBe('documents');
    expect(fixStep({ fields: ['address'], documents: ['hukou-book'] })).toBe('form');
    expect(fixStep({ fields: [], documents: ['sibling-hukou'] })).toBe('schools');
  });
});

describe('a rejection records the application as it stood', () => {
  const review = (over: Partial<ReviewState> = {}): ReviewState => ({
    action: 'reject',
    decider: { kind: 'staff', role: 'county_reviewer', schoolId: null },
    status: 'submitted',
    version: 3,
    firstSchoolId: 's1',
    number: 'TJ2024-000123',
    childName: '李小明',
    reason: '户口簿不清晰',
    faults: { fields: [], documents: ['hukou-book'] },
    faultChoices: faultChoices('grade1', channel, form, false),
    snapshot: { channelId: 'ch-1', form, community: '城东社区', firstSchoolId: 's1', secondSchoolId: 's2', documents: state().documents },
    now: new Date('2024-07-20T02:00:00Z'),
    ...over,
  });

  it('stores time, reason, faults and the masked form with the documents’ hashes', () => {
    const d = decideReview(review());
    if (!d.ok) throw new Error(d.message);
    expect(d.set.rejection).toEqual({
      at: '2024-07-20T02:00:00.000Z',
      reason: '户口簿不清晰',
      faults: { fields: [], documents: ['hukou-book'] },
      before: state({ form: { fatherName: '李大明', fatherIdNumber: '430922********0011', community: '城东社区' } }),
    });
    expect(JSON.stringify(d.set.rejection)).not.toContain('"sealed"');
    expect(d.audit?.detail).toMatchObject({ faults: { fields: [], documents: ['hukou-book'] } });
  });

  it('refuses faults that are not the application’s own', () => {
    expect(decideReview(review({ faults: { fields: ['nope'], documents: [] } }))).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('what changed since the rejection', () => {
  it('says nothing changed when nothing did', () => {
    expect(changesSinceRejection(state(), state()).none).toBe(true);
  });

  it('lists changed fields with masked values, and a retyped ID number whose mask is equal', () => {
    const now = state({ form: { fatherName: '李明', fatherIdNumber: '430922********0011' }, seals: { fatherIdNumber: 'seal-2' } });
    expect(changesSinceRejection(state(), now).fields).toEqual([
      { field: 'fatherName', before: '李大明', after: '李明' },
      { field: 'fatherIdNumber', before: '430922********0011', after: '430922********0011' },
    ]);
  });

  it('tells documents added, removed and replaced (and a replacement by the very same file)', () => {
    const now = state({
      documents: [
        { id: 'd3', kind: 'hukou-book', side: null, sha256: 'cc' },
        { id: 'd4', kind: 'property-deed', side: null, sha256: 'dd' },
      ],
    });
    const c = changesSinceRejection(state(), now);
    expect(c.documents.added.map((d) => d.id)).toEqual(['d4']);
    expect(c.documents.removed.map((d) => d.id)).toEqual(['d2']);
    expect(c.documents.replaced).toEqual([
      expect.objectContaining({ kind: 'hukou-book', sameFile: false, before: [expect.objectContaining({ id: 'd1' })] }),
    ]);
    const again = changesSinceRejection(
      state(),
      state({ documents: [{ id: 'd5', kind: 'hukou-book', side: null, sha256: 'aa' }, state().documents[1]!] }),
    );
    expect(again.documents.replaced[0]?.sameFile).toBe(true);
  });

  it('notices a new channel, community or school choice', () => {
    const c = changesSinceRejection(state(), state({ channelId: 'ch-2', community: '城西社区', secondSchoolId: 's3' }));
    expect(c).toMatchObject({ channelChanged: true, communityChanged: true, schoolsChanged: true, none: false });
  });

  it('reads a record saved before seals were kept', () => {
    const { seals: _seals, ...old } = state();
    expect(changesSinceRejection(old, rejectedState({ ...state(), form: { fatherName: '李大明' } })).fields).toEqual([
      { field: 'fatherIdNumber', before: '430922********0011', after: null },
    ]);
  });
});

describe('the same file twice', () => {
  it('groups documents with equal hashes, ignoring those without one', () => {
    expect(
      duplicateFiles([
        { id: 'a', sha256: 'x' },
        { id: 'b', sha256: 'y' },
        { id: 'c', sha256: 'x' },
        { id: 'd', sha256: null },
        { id: 'e', sha256: null },
      ]),
    ).toEqual([['a', 'c']]);
  });
});
