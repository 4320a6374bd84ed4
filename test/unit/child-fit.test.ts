import { describe, expect, it } from 'vitest';
import { ageRefusal, childFit, type FitInput } from '../../src/domain/child-fit';

const grade1 = { id: 'e1', code: 'grade1' as const, name: '小学一年级新生' };
const base: FitInput = { entry: grade1, seasonYear: 2024, windowOpen: true, child: { birthDate: '2018-03-01' }, existing: null };
const existing = (status: 'draft' | 'submitted', entryId = 'e2') => ({
  applicationId: 'a1',
  entryId,
  entryName: '插班生转学',
  number: 'TA24-Z-ABCDEF',
  status,
  statusName: status === 'draft' ? '草稿' : '审核中',
});

describe('whether a child fits an entry when it is picked', () => {
  it('lets a child of six by 31 August start in grade 1', () => {
    expect(childFit(base)).toEqual({ ok: true });
    expect(childFit({ ...base, child: { birthDate: '2018-08-31' } })).toEqual({ ok: true });
  });

  it('refuses grade 1 to a child born after 31 August, and to one whose document shows no birth date', () => {
    expect(childFit({ ...base, child: { birthDate: '2018-09-01' } })).toMatchObject({ ok: false, reason: 'too_young' });
    expect(childFit({ ...base, child: { birthDate: null } })).toMatchObject({ ok: false, reason: 'no_birth_date' });
  });

  it('has no age rule for grade 7 or transfers', () => {
    expect(ageRefusal('grade7', null, 2024)).toBeNull();
    expect(ageRefusal('transfer', '2020-01-01', 2024)).toBeNull();
    expect(ageRefusal('grade1', '2018-09-01', 2024)).toBe('报读一年级须在2024年8月31日前年满6周岁（2018年8月31日及以前出生）');
  });

  it('names a draft in another entry as what must be deleted first, and a draft here as one to continue', () => {
    const elsewhere = childFit({ ...base, existing: existing('draft') });
    expect(elsewhere).toMatchObject({ ok: false, reason: 'draft_elsewhere' });
    expect(elsewhere.ok || elsewhere.message).toContain('「插班生转学」');
    expect(elsewhere.ok || elsewhere.message).toContain('删除该草稿后才能在本入口报名');
    expect(childFit({ ...base, existing: existing('draft', 'e1') })).toMatchObject({ ok: false, reason: 'draft_here' });
  });

  it('refuses a child with an application sent this season, naming its entry, number and status', () => {
    expect(childFit({ ...base, existing: existing('submitted') })).toEqual({
      ok: false,
      reason: 'applied',
      message: '本招生季已在「插班生转学」报名（编号TA24-Z-ABCDEF，审核中），每个孩子只能报名一次',
    });
  });

  it('says the entry is closed outside its window, the existing application first', () => {
    expect(childFit({ ...base, windowOpen: false })).toMatchObject({ ok: false, reason: 'window_closed' });
    expect(childFit({ ...base, windowOpen: false, existing: existing('submitted') })).toMatchObject({ reason: 'applied' });
  });
});
