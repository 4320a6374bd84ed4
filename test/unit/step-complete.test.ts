import { describe, expect, it } from 'vitest';
import type { MissingItem } from '../../src/domain/application-missing';
import { missingOn, stepComplete, steps } from '../../web/src/apply/steps';

const done = (missing: MissingItem[]) => steps.filter((step) => stepComplete(step, missing));

describe('which steps the stepper marks 已完成', () => {
  it('a new draft has nothing done: every step after the channel waits for it', () => {
    expect(done([{ step: 'channel', label: '报名通道' }])).toEqual([]);
  });

  it('a step is done only when nothing of its own is missing, wherever the parent is', () => {
    const missing: MissingItem[] = [
      { step: 'form', field: 'community', label: '居住社区' },
      { step: 'documents', documentKind: 'mother-id-card', side: 'back', label: '材料：母亲身份证反面' },
    ];
    expect(done(missing)).toEqual(['channel', 'schools']);
    expect(missingOn('documents', missing).map((m) => m.side)).toEqual(['back']);
  });

  it('sibling proofs belong to the schools step', () => {
    expect(done([{ step: 'schools', documentKind: 'sibling-hukou', label: '材料：兄姐户口页' }])).toEqual(['channel', 'form', 'documents']);
  });

  it('the preview is never marked done before submission; with nothing missing, every other step is', () => {
    expect(done([])).toEqual(['channel', 'form', 'documents', 'schools']);
  });
});
