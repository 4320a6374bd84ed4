import { describe, expect, it } from 'vitest';
import type { MissingItem } from '../../src/domain/application-missing';
import { nextStep, stepOfMissing } from '../../web/src/apply/steps';

/** The page's navigation reads only `step`, `field` and `documentKind`: the server may reword every label. */
describe('the apply stepper with reworded server labels', () => {
  const reworded: MissingItem[] = [
    { step: 'schools', field: 'schools', label: 'Two schools, please' },
    { step: 'documents', documentKind: 'student-hukou', label: '报名通道' },
    { step: 'schools', documentKind: 'sibling-hukou', label: '材料：兄姐户口页' },
    { step: 'form', field: 'community', label: '两所志愿学校' },
  ];

  it('sends each item to the step the server names, whatever its label says', () => {
    expect(reworded.map((item) => stepOfMissing(item))).toEqual(['schools', 'documents', 'schools', 'form']);
  });

  it('continues a draft at the earliest step with something missing, else at the preview', () => {
    expect(nextStep({ missing: reworded })).toBe('form');
    expect(nextStep({ missing: reworded.slice(0, 3) })).toBe('documents');
    expect(nextStep({ missing: [{ step: 'channel', label: 'pick one' }, ...reworded] })).toBe('channel');
    expect(nextStep({ missing: [] })).toBe('preview');
  });
});
